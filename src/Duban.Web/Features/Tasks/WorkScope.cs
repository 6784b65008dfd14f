using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;

namespace Duban.Web.Features.Tasks;

/// <summary>
/// Who sees a work item: the supervision office sees its region; anyone else sees the items whose lead
/// unit or a supporting unit lies in their subtree, and the items that name them as leader or liaison.
/// Who acts on one: the office edits and decides; the lead unit's people (or the named liaison) report and apply.
/// </summary>
public static class WorkScope
{
    public static IQueryable<WorkItem> VisibleTo(this IQueryable<WorkItem> items, DubanDb db, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        items = items.Where(w => w.RegionId == scope.RegionId);
        if (scope.RegionWide)
        {
            return items;
        }

        var person = scope.PersonId ?? -1;
        var paths = scope.UnitPaths;
        var support = db.WorkItemUnits.Where(s => s.RegionId == scope.RegionId);
        return paths.Count switch
        {
            0 => items.Where(w => w.LeaderId == person || w.LiaisonId == person),
            1 => items.Where(w => w.LeadUnitPath.StartsWith(paths[0])
                || w.LeaderId == person || w.LiaisonId == person
                || support.Any(s => s.WorkItemId == w.Id && s.UnitPath.StartsWith(paths[0]))),
            _ => items.Where(w => paths.Any(p => w.LeadUnitPath.StartsWith(p))
                || w.LeaderId == person || w.LiaisonId == person
                || support.Any(s => s.WorkItemId == w.Id && paths.Any(p => s.UnitPath.StartsWith(p)))),
        };
    }

    /// <summary>May report progress and apply for close-out, extension or adjustment.</summary>
    public static bool CanReport(this AccessScope scope, WorkItem item, bool isOffice)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(item);
        return isOffice
            || (scope.PersonId is { } p && item.LiaisonId == p)
            || scope.UnitPaths.Any(path => item.LeadUnitPath.StartsWith(path, StringComparison.Ordinal));
    }
}
