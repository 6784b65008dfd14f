using System.Linq.Expressions;
using Duban.Data;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Duban.Web.Infrastructure.Predicates;

namespace Duban.Web.Features.Lights;

/// <summary>
/// Recomputes every light of a region in the database, set-based: one statement refreshes the facts the
/// rules read (the next open milestone), one statement per settings group applies the rule table of
/// <see cref="LightRules"/> (as SQL, by <see cref="LightSql"/>), and one statement records the lights that
/// changed. No loop over items. A randomized test holds this and <see cref="LightRules.Evaluate"/> to the same answers.
/// </summary>
public sealed class RecomputeLights(DubanDb db, TimeProvider clock)
{
    /// <summary>Rows whose light or reason was rewritten, and of those, how many changed colour.</summary>
    public sealed record Result(int Rewritten, int Changed);

    public Task<Result> RunAsync(int regionId, int? onlyItemId = null, CancellationToken ct = default) => RunCoreAsync(regionId, onlyItemId, null, ct);

    /// <summary>The lights of one ledger's items only, e.g. after an import into it.</summary>
    public Task<Result> RunForLedgerAsync(int regionId, int ledgerId, CancellationToken ct = default) => RunCoreAsync(regionId, null, ledgerId, ct);

    private async Task<Result> RunCoreAsync(int regionId, int? onlyItemId, int? onlyLedgerId, CancellationToken ct)
    {
        var region = await db.Regions.IgnoreQueryFilters().Where(r => r.Id == regionId)
            .Select(r => new { r.TimeZoneId, Settings = db.RegionLightSettings.IgnoreQueryFilters().FirstOrDefault(s => s.RegionId == r.Id) })
            .FirstAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(region.TimeZoneId);
        // The instant is written as each changed row's "since" and then used to find those rows again.
        var utcNow = Domain.RegionClock.Stored(clock.GetUtcNow().UtcDateTime);
        var calendar = await LoadCalendarAsync(db, regionId, ct);
        var regionSettings = region.Settings?.ToSettings() ?? LightSettings.Default;

        // One item (after a change to it) needs only its own ledger's rules; the whole region needs every
        // ledger that has rules of its own.
        var ledgers = db.Ledgers.IgnoreQueryFilters().Where(l => l.RegionId == regionId);
        ledgers = onlyItemId is null
            ? ledgers.Where(l => l.DueSoonDays != null || l.DueSoonInWorkdays != null || l.LagPoints != null || l.MissedReportsForYellow != null)
            : ledgers.Where(l => db.WorkItems.IgnoreQueryFilters().Any(w => w.Id == onlyItemId && w.LedgerId == l.Id));
        if (onlyLedgerId is not null)
        {
            ledgers = ledgers.Where(l => l.Id == onlyLedgerId);
        }
        var ledgersWithOwnRules = (await ledgers.ToListAsync(ct)).Where(l => l.HasOwnSettings).ToList();

        var items = db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == regionId);
        if (onlyItemId is not null)
        {
            items = items.Where(w => w.Id == onlyItemId);
        }

        if (onlyLedgerId is not null)
        {
            items = items.Where(w => w.LedgerId == onlyLedgerId);
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        List<string> rebuild = [];
        if (onlyItemId is null && db.Database.IsNpgsql() && await IsBulkAsync(items, ct))
        {
            // Asked again once the table is ours: another node may have lit the rows while this one waited.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"WorkItems\" IN ACCESS EXCLUSIVE MODE; SET LOCAL maintenance_work_mem = '256MB'", ct);
            if (await IsBulkAsync(items, ct))
            {
                rebuild = await DropIndexesAsync(ct);
            }
        }

        // 1. Facts: the earliest open milestone of every item.
        // Only rows whose facts change are written: on PostgreSQL every write is a new row version.
        var milestones = db.Milestones.IgnoreQueryFilters();
        Expression<Func<WorkItem, DateOnly?>> nextDue = w => milestones.Where(m => m.WorkItemId == w.Id && m.DoneOn == null).Min(m => (DateOnly?)m.Due);
        Expression<Func<WorkItem, string?>> nextName = w => milestones.Where(m => m.WorkItemId == w.Id && m.DoneOn == null).OrderBy(m => m.Due).ThenBy(m => m.Id).Select(m => m.Name).FirstOrDefault();
        await items.Where(w => w.Status != WorkItemStatus.Closed)
            .Where(Predicates.Or(Changed(nextDue, w => w.NextMilestoneDue), Changed(nextName, w => w.NextMilestoneName)))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.NextMilestoneDue, nextDue).SetProperty(w => w.NextMilestoneName, nextName), ct);

        // Projects: how many of their problems are past their deadline undone.
        var today = LightMoment.For(utcNow, zone, regionSettings, calendar).Today;
        Expression<Func<WorkItem, int>> overdueProblems = w => db.WorkItems.IgnoreQueryFilters()
            .Count(p => p.ParentId == w.Id && p.RegionId == w.RegionId && p.Kind == WorkItemKind.Problem && p.Status != WorkItemStatus.Closed && p.Deadline < today);
        await items.Where(w => w.Kind == WorkItemKind.KeyProject)
            .Where(Changed(overdueProblems, w => w.OverdueProblems))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.OverdueProblems, overdueProblems), ct);

        // 2. Lights: the region's rules for most ledgers, each ledger's own where it has them.
        var total = 0;
        if (onlyItemId is null || ledgersWithOwnRules.Count == 0)
        {
            var ownIds = ledgersWithOwnRules.Select(l => l.Id).ToList();
            total += await ApplyAsync(ownIds.Count == 0 ? items : items.Where(w => !ownIds.Contains(w.LedgerId)), LightMoment.For(utcNow, zone, regionSettings, calendar), utcNow, ct);
        }

        foreach (var ledger in ledgersWithOwnRules)
        {
            total += await ApplyAsync(items.Where(w => w.LedgerId == ledger.Id), LightMoment.For(utcNow, zone, ledger.SettingsOver(regionSettings), calendar), utcNow, ct);
        }

        if (rebuild.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(string.Join(";\n", rebuild), ct);
        }

        // 3. History: what changed, and since when.
        var changed = await RecordChangesAsync(regionId, onlyItemId, onlyLedgerId, utcNow, ct);

        // A problem that changes may change its project's light (an overdue problem lights the project).
        if (onlyItemId is not null
            && await db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == onlyItemId && w.Kind == WorkItemKind.Problem).Select(w => w.ParentId).FirstOrDefaultAsync(ct) is { } project)
        {
            var parent = await RunCoreAsync(regionId, project, null, ct);
            total += parent.Rewritten;
            changed += parent.Changed;
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);

            // After a bulk import the planner still believes every light is grey, and the light history nearly
            // empty, until autovacuum comes by: queries filtered by light got plans made for a handful of rows,
            // and a city's eight-week trend once a nested loop that ran 30 s. Tell it now; and vacuum, so that
            // the rewritten pages are marked all-visible again and the overview's counts are read from the
            // covering index alone instead of visiting every row.
            if (total > 10_000 && db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"WorkItems\", \"LightChanges\"", ct);
            }
        }

        return new Result(total, changed);
    }

    public static async Task<WorkdayCalendar> LoadCalendarAsync(DubanDb db, int regionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await db.CalendarDays.IgnoreQueryFilters().Where(d => d.RegionId == regionId).ToDictionaryAsync(d => d.Date, d => d.IsWorkday, ct);
        return new WorkdayCalendar(days);
    }

    /// <summary>
    /// Whether this run will rewrite most of a large table: after a bulk load, when many rows have never been
    /// lit (their "since" is empty; every recompute fills it). Rewriting 100,000 rows with their thirteen index
    /// entries each costs PostgreSQL about 3.5 s a pass; without the indexes 0.5 s, and building them again
    /// afterwards 1.2 s.
    /// </summary>
    private async Task<bool> IsBulkAsync(IQueryable<WorkItem> items, CancellationToken ct)
    {
        var neverLit = await items.CountAsync(w => w.LightSince == null, ct);
        return neverLit >= 10_000 && neverLit * 3 >= await db.WorkItems.IgnoreQueryFilters().CountAsync(ct);
    }

    /// <summary>
    /// Drops the secondary indexes of the work items for the rest of this transaction and returns their
    /// definitions, read from the catalogue so that they come back exactly as the migrations made them.
    /// The caller has locked the table: other sessions wait for the commit instead of reading without indexes.
    /// Unique indexes stay, and so does the problems' index that the recompute itself reads.
    /// </summary>
    private async Task<List<string>> DropIndexesAsync(CancellationToken ct)
    {
        var definitions = await db.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes i " + SecondaryIndexes).ToListAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexname FROM pg_indexes i " + SecondaryIndexes
            + " LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP; END $$", ct);
        return definitions;
    }

    private const string SecondaryIndexes = "WHERE i.schemaname = current_schema() AND i.tablename = 'WorkItems' AND i.indexname <> 'IX_WorkItems_Problems_ParentId' "
        + "AND NOT EXISTS (SELECT 1 FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname = i.indexname AND x.indisunique)";

    private static Task<int> ApplyAsync(IQueryable<WorkItem> items, LightMoment at, DateTime utcNow, CancellationToken ct)
    {
        // The rule table as SQL: each output is one expression, used both to find the rows whose light or
        // reason changes and to set them; unchanged rows are not written.
        var rules = LightSql.For(LightInputs.At(at));
        var light = rules.Light;
        var lightReason = rules.Reason;
        var lightReasonDate = rules.Date;
        var lightReasonText = rules.Text;
        var lightReasonNumber = rules.Number;

        // The light has been what it is since this run if it changes now, or if the row was never lit before.
        Expression<Func<WorkItem, Light, DateTime?>> sinceOf = (w, now) => now != w.Light || w.LightSince == null ? utcNow : w.LightSince;
        var since = Expression.Lambda<Func<WorkItem, DateTime?>>(Rebind(sinceOf, 1, Rebind(light, sinceOf.Parameters[0])), sinceOf.Parameters[0]);
        var changed = Predicates.Or(
            w => w.LightSince == null,
            Changed(light, w => w.Light),
            Changed(lightReason, w => w.LightReason),
            Changed(lightReasonDate, w => w.LightReasonDate),
            Changed(lightReasonText, w => w.LightReasonText),
            Changed(lightReasonNumber, w => w.LightReasonNumber));
        return items.Where(changed).ExecuteUpdateAsync(
            s => s
                .SetProperty(w => w.PreviousLight, w => w.Light)
                .SetProperty(w => w.LightSince, since)
                .SetProperty(w => w.Light, light)
                .SetProperty(w => w.LightReason, lightReason)
                .SetProperty(w => w.LightReasonDate, lightReasonDate)
                .SetProperty(w => w.LightReasonText, lightReasonText)
                .SetProperty(w => w.LightReasonNumber, lightReasonNumber),
            ct);
    }

    /// <summary>w => computed(w) differs from stored(w), with SQL null semantics handled by EF.</summary>
    private static Expression<Func<WorkItem, bool>> Changed<T>(Expression<Func<WorkItem, T>> computed, Expression<Func<WorkItem, T>> stored)
    {
        var w = Expression.Parameter(typeof(WorkItem), "w");
        return Expression.Lambda<Func<WorkItem, bool>>(Expression.NotEqual(Rebind(computed, w), Rebind(stored, w)), w);
    }

    /// <summary>
    /// The light history: a row for every item whose colour changed in this run. The lights pass kept the
    /// colour before in <see cref="WorkItem.PreviousLight"/> and stamped the change with this run's instant, so
    /// this is one insert and nothing is written to the items again. (A second run at the same instant, as with a
    /// pinned clock, finds the change recorded already. The check is an uncorrelated NOT IN, read once into a hash
    /// before the insert starts: a correlated NOT EXISTS let PostgreSQL probe the rows this very insert was
    /// adding, and took 30 s for 70,000 changes.)
    /// </summary>
    private Task<int> RecordChangesAsync(int regionId, int? onlyItemId, int? onlyLedgerId, DateTime utcNow, CancellationToken ct)
    {
        var only = (onlyItemId is null ? string.Empty : " AND \"Id\" = {2}") + (onlyLedgerId is null ? string.Empty : " AND \"LedgerId\" = {3}");
        var sql = "INSERT INTO \"LightChanges\" (\"RegionId\", \"WorkItemId\", \"At\", \"From\", \"To\", \"Reason\") "
            + "SELECT \"RegionId\", \"Id\", {1}, \"PreviousLight\", \"Light\", \"LightReason\" FROM \"WorkItems\" w "
            + "WHERE \"RegionId\" = {0} AND \"LightSince\" = {1} AND \"Light\" <> \"PreviousLight\"" + only
            + " AND \"Id\" NOT IN (SELECT \"WorkItemId\" FROM \"LightChanges\" WHERE \"RegionId\" = {0} AND \"At\" = {1})";
        return db.Database.ExecuteSqlRawAsync(sql, [regionId, utcNow, onlyItemId ?? 0, onlyLedgerId ?? 0], ct);
    }
}
