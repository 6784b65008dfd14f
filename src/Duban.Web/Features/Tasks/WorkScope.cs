using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;

namespace Duban.Web.Features.Tasks;

/// <summary>
/// Who sees a work item: the supervision office sees its region; anyone else sees the items whose lead
/// unit or a supporting unit lies in their subtree, and the items that name them as leader or liaison.
/// Who acts on one: the office edits and decides; the lead unit's people (or the named liaison) report and apply.
/// </summary>
public static class WorkScope
{
    public static IQueryable<WorkItem> VisibleTo(this IQueryable<WorkItem> items, DubanDb db, AccessScope scope) => items.VisibleTo(db, scope, null);

    /// <summary>
    /// As above, with a condition the caller applies anyway (a kind, a light) pushed into each set of ids
    /// too, so that the database narrows the subtree before it meets the rest of the query.
    /// </summary>
    public static IQueryable<WorkItem> VisibleTo(this IQueryable<WorkItem> items, DubanDb db, AccessScope scope, System.Linq.Expressions.Expression<Func<WorkItem, bool>>? within)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var region = scope.RegionId;
        items = items.Where(w => w.RegionId == region).Where(LeadsNamedTo(scope));
        if (within is not null)
        {
            items = items.Where(within);
        }

        if (scope.RegionWide)
        {
            return items;
        }

        // Three index-friendly sets of ids, united, instead of one OR that would scan every item of the region.
        var person = scope.PersonId ?? -1;
        var source = within is null ? db.WorkItems : db.WorkItems.Where(within);
        var ids = source.Where(w => w.RegionId == region && (w.LeaderId == person || w.LiaisonId == person)).Select(w => w.Id);
        foreach (var path in scope.UnitPaths)
        {
            var (low, high) = PathRange.Of(path);
#pragma warning disable CA1309, CA1307 // Translated to SQL range comparisons on C-collated (byte-order) columns, which is what is meant.
            ids = ids
                .Union(source.Where(w => w.RegionId == region && string.Compare(w.LeadUnitPath, low) >= 0 && string.Compare(w.LeadUnitPath, high) < 0).Select(w => w.Id))
                .Union(db.WorkItemUnits.Where(s => s.RegionId == region && string.Compare(s.UnitPath, low) >= 0 && string.Compare(s.UnitPath, high) < 0).Select(s => s.WorkItemId));
#pragma warning restore CA1309, CA1307
        }

        return items.Where(w => ids.Contains(w.Id));
    }

    /// <summary>
    /// The same items as <see cref="VisibleTo(IQueryable{WorkItem}, DubanDb, AccessScope, System.Linq.Expressions.Expression{Func{WorkItem, bool}}?)"/>,
    /// shaped for lists (counts, sorted pages) of someone with one unit: the items led within the subtree, read
    /// from one index range that also holds kind, light, ledger and id, followed (UNION ALL) by the few led
    /// elsewhere that the subtree supports or that name the person. No join back to the items by id: a city
    /// leader's 2,200 red tasks are counted in 1.4 ms instead of 14 (docs/decisions/0013).
    /// </summary>
    public static IQueryable<WorkItem> ListedFor(this IQueryable<WorkItem> items, DubanDb db, AccessScope scope, System.Linq.Expressions.Expression<Func<WorkItem, bool>> within)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.RegionWide || scope.UnitPaths.Count != 1)
        {
            return items.VisibleTo(db, scope, within);
        }

        var region = scope.RegionId;
        var person = scope.PersonId ?? -1;
        var (low, high) = PathRange.Of(scope.UnitPaths[0]);
        var mine = items.Where(w => w.RegionId == region).Where(within).Where(LeadsNamedTo(scope));
#pragma warning disable CA1309, CA1307 // Byte-order range on C-collated columns; see PathRange.
        var others = db.WorkItems.Where(w => w.RegionId == region && (w.LeaderId == person || w.LiaisonId == person)).Select(w => w.Id)
            .Union(db.WorkItemUnits.Where(s => s.RegionId == region && string.Compare(s.UnitPath, low) >= 0 && string.Compare(s.UnitPath, high) < 0).Select(s => s.WorkItemId));
        return mine.Where(w => string.Compare(w.LeadUnitPath, low) >= 0 && string.Compare(w.LeadUnitPath, high) < 0)
            .Concat(mine.Where(w => (string.Compare(w.LeadUnitPath, low) < 0 || string.Compare(w.LeadUnitPath, high) >= 0) && others.Contains(w.Id)));
#pragma warning restore CA1309, CA1307
    }

    /// <summary>
    /// Leads are confidential (counties poach each other's investors): a lead is an item only to those who may read
    /// leads at all (<see cref="Permission.ReadLeads"/>), and to them, unless they read the whole region's, only
    /// when their unit follows it or it names them as its leader or liaison; supporting a lead shows nothing.
    /// Everyone else sees counts (the pipeline board), never the lead.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<WorkItem, bool>> LeadsNamedTo(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var reach = scope.ReachOf(Permission.ReadLeads);
        // The app's own jobs (reminders, bulletins' frozen counts) act for the whole region with no roles.
        if (reach == Reach.Region || (scope.RegionWide && scope.Roles.Count == 0))
        {
            return w => true;
        }

        if (reach == Reach.None)
        {
            return w => w.Kind != WorkItemKind.Lead;
        }

        var person = scope.PersonId ?? -1;
        var named = new List<System.Linq.Expressions.Expression<Func<WorkItem, bool>>> { w => w.Kind != WorkItemKind.Lead, w => w.LeaderId == person || w.LiaisonId == person };
        foreach (var path in reach == Reach.Named ? [] : scope.UnitPaths)
        {
            var (low, high) = PathRange.Of(path);
#pragma warning disable CA1309, CA1307 // Byte-order range on C-collated columns; see PathRange.
            named.Add(w => string.Compare(w.LeadUnitPath, low) >= 0 && string.Compare(w.LeadUnitPath, high) < 0);
#pragma warning restore CA1309, CA1307
        }

        return Infrastructure.Predicates.Or(named);
    }

    /// <summary>Items whose lead unit is in the subtree at <paramref name="path"/>: one index range on the path.</summary>
    public static IQueryable<WorkItem> LedWithin(this IQueryable<WorkItem> items, string path)
    {
        var (low, high) = PathRange.Of(path);
#pragma warning disable CA1309, CA1307 // Byte-order range on C-collated columns; see PathRange.
        return items.Where(w => string.Compare(w.LeadUnitPath, low) >= 0 && string.Compare(w.LeadUnitPath, high) < 0);
#pragma warning restore CA1309, CA1307
    }

    /// <summary>
    /// The items a scope reports on (the query form of <see cref="AccessScope.Leads"/>): the lead unit's subtree and
    /// the items that name the person as liaison; supporting units see but do not report.
    /// </summary>
    public static IQueryable<WorkItem> ReportableBy(this IQueryable<WorkItem> items, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var person = scope.PersonId ?? -1;
        var reporters = new List<System.Linq.Expressions.Expression<Func<WorkItem, bool>>> { w => w.LiaisonId == person };
        foreach (var path in scope.UnitPaths)
        {
            var (low, high) = PathRange.Of(path);
#pragma warning disable CA1309, CA1307 // Byte-order range on C-collated columns; see PathRange.
            reporters.Add(w => string.Compare(w.LeadUnitPath, low) >= 0 && string.Compare(w.LeadUnitPath, high) < 0);
#pragma warning restore CA1309, CA1307
        }

        return items.Where(Infrastructure.Predicates.Or(reporters));
    }
}
