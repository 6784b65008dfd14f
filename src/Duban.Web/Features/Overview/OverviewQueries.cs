using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Overview;

public record OverviewFilter
{
    /// <summary>The subtree to look at; empty for everything the viewer may see.</summary>
    [Range(1, int.MaxValue)]
    public int? UnitId { get; init; }

    [Range(1, int.MaxValue)]
    public int? LedgerId { get; init; }

    [Range(1, int.MaxValue)]
    public int? LeaderId { get; init; }
    public WorkItemKind? Kind { get; init; }
}

/// <summary>Counts by light for one kind of work (or all).</summary>
public sealed record LightCounts(int Red, int Yellow, int Green, int Grey, int Done)
{
    public int Total => Red + Yellow + Green + Grey + Done;

    public static readonly LightCounts None = new(0, 0, 0, 0, 0);

    /// <summary>The count of one light.</summary>
    public int this[Light light] => light switch
    {
        Light.Red => Red,
        Light.Yellow => Yellow,
        Light.Green => Green,
        Light.Done => Done,
        _ => Grey,
    };

    /// <summary>Counts read grouped by light, added up.</summary>
    public static LightCounts Of(IEnumerable<(Light Light, int Count)> groups) => groups.Aggregate(None, (c, g) => c.Add(g.Light, g.Count));

    public LightCounts Add(Light light, int n) => light switch
    {
        Light.Red => this with { Red = Red + n },
        Light.Yellow => this with { Yellow = Yellow + n },
        Light.Green => this with { Green = Green + n },
        Light.Done => this with { Done = Done + n },
        _ => this with { Grey = Grey + n },
    };

    public static LightCounts operator +(LightCounts a, LightCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Red + b.Red, a.Yellow + b.Yellow, a.Green + b.Green, a.Grey + b.Grey, a.Done + b.Done);
    }
}

/// <summary>
/// One unit's line in the overview: its subtree's items by light, how many were finished on time of those
/// due or finished, open items overdue, items whose report is missing, and extensions asked.
/// </summary>
public sealed record UnitLine(int UnitId, bool Direct, string Unit, LightCounts Lights, int Due, int OnTime, int? OnTimeRate, int Overdue, int ReportsMissing, int Extensions);

public sealed record LaggingItem(int Id, WorkItemKind Kind, string Name, string? LeadUnit, string? Leader, Light Light, LightReason Reason, DateOnly? ReasonDate, string? ReasonText, int? ReasonNumber, DateTime? Since, ProblemCause? Cause, string? Problems);

public sealed record WeekTrend(DateOnly WeekStarting, int NewRed, int NewYellow, int Closed);

public sealed record OverviewData(
    int? RootUnitId, string Scope, LightCounts Tasks, LightCounts Projects, LightCounts Problems,
    IReadOnlyList<UnitLine> Units, UnitLine Total, IReadOnlyList<WeekTrend> Trend, IReadOnlyList<LaggingItem> Lagging, LightCounts Indicators,
    LightCounts Leads);

/// <summary>
/// The overview (一图揽全局): everything the viewer may see, or one subtree of it, counted in the database by
/// lead unit, kind and light, then summed up the unit tree. Every figure is a link to the items behind it
/// (<see cref="ItemsAsync"/>), which uses the same conditions.
/// </summary>
public static class OverviewQueries
{
    /// <param name="fork">Makes another context on the same database, so that the counts, the trend and the most
    /// lagging are read at once on three connections (a province's overview: the sum of three scans becomes the
    /// longest of them); without it they are read one after another.</param>
    public static async Task<OverviewData> LoadAsync(DubanDb db, AccessScope scope, OverviewFilter filter, DateOnly today, DateTime utcNow, TimeZoneInfo zone, Func<DubanDb>? fork = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        var visibleUnits = await db.Units.AsNoTracking().VisibleTo(scope).Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        var root = filter.UnitId is { } id ? visibleUnits.FirstOrDefault(u => u.Id == id) : null;

        // The lines of the table: the root's children, or the viewer's own top units; and the parent's own
        // items (本级) on a line of their own, so the lines add up to the total.
        (Unit? Parent, List<Unit> Lines) table = root is not null ? (root, visibleUnits.Where(u => u.ParentId == root.Id).ToList()) : TopUnits(visibleUnits);
        var (parent, lines) = table;

        if (fork is null)
        {
            var counted = await CountAsync(db, scope, filter, root?.Path, today, utcNow, ct);
            var trend = await TrendAsync(db, scope, filter, root, today, utcNow, zone, ct);
            return await ShapeAsync(db, visibleUnits, root, parent, lines, counted, trend, await LaggingAsync(db, scope, filter, root?.Path, ct), ct);
        }

        await using var trendDb = fork();
        await using var laggingDb = fork();
        // On thread-pool threads: SQLite's "async" commands run synchronously on the caller's thread.
        var countTask = Task.Run(() => CountAsync(db, scope, filter, root?.Path, today, utcNow, ct), ct);
        var trendTask = Task.Run(() => TrendAsync(trendDb, scope, filter, root, today, utcNow, zone, ct), ct);
        var laggingTask = Task.Run(() => LaggingAsync(laggingDb, scope, filter, root?.Path, ct), ct);
        await Task.WhenAll(countTask, trendTask, laggingTask);
        return await ShapeAsync(db, visibleUnits, root, parent, lines, await countTask, await trendTask, await laggingTask, ct);
    }

    private static async Task<List<Group>> CountAsync(DubanDb db, AccessScope scope, OverviewFilter filter, string? path, DateOnly today, DateTime utcNow, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await CountQuery(db, scope, filter, path, today, utcNow).ToListAsync(ct);
        }

        // PostgreSQL's default cost of a random read (4 × a sequential one, a spinning disk's) makes it scan the
        // region's wide rows rather than the covering index; with the 1.1 usual on SSDs it reads the index alone:
        // a province's counts 100 → 50 ms. Set for this one query, not for the app.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL random_page_cost = 1.1", ct);
        var counted = await CountQuery(db, scope, filter, path, today, utcNow).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return counted;
    }

    private static IQueryable<Group> CountQuery(DubanDb db, AccessScope scope, OverviewFilter filter, string? path, DateOnly today, DateTime utcNow)
    {
        var items = Items(db, scope, filter, path);
        // Counted by lead unit id (an integer, from the covering IX_WorkItems_Overview), then given the unit's path.
        return items
            .GroupBy(w => new { w.LeadUnitId, w.Kind, w.Light })
            .Select(g => new Group(
                g.Key.LeadUnitId,
                g.Key.Kind,
                g.Key.Light,
                g.Count(),
                g.Count(w => (w.Status == WorkItemStatus.Closed && w.Deadline != null) || (w.Status != WorkItemStatus.Closed && w.Deadline < today)),
                g.Count(w => w.Status == WorkItemStatus.Closed && w.Deadline != null && w.ClosedOn <= w.Deadline),
                g.Count(w => w.LightReason == LightReason.MilestoneOverdue || w.LightReason == LightReason.DeadlineOverdue),
                g.Count(w => w.Status != WorkItemStatus.Closed && w.Status != WorkItemStatus.Paused && w.NextReportDueAt < utcNow),
                g.Sum(w => w.ExtensionCount)));
    }

    private static async Task<OverviewData> ShapeAsync(DubanDb db, List<Unit> visibleUnits, Unit? root, Unit? parent, List<Unit> lines, List<Group> counted, List<WeekTrend> trend, List<LaggingItem> lagging, CancellationToken ct)
    {
        var leadUnits = counted.Select(g => g.LeadUnitId).Distinct().ToList();
        var pathOf = visibleUnits.ToDictionary(u => u.Id, u => u.Path);
        var missing = leadUnits.Where(u => !pathOf.ContainsKey(u)).ToList();
        if (missing.Count > 0)
        {
            // Items led by units the viewer does not see (work that names the person) or by inactive units.
            foreach (var u in await db.Units.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct))
            {
                pathOf[u.Id] = u.Path;
            }
        }

        var grouped = counted.Where(g => pathOf.ContainsKey(g.LeadUnitId)).ToList();

        LightCounts Kind(WorkItemKind kind) => LightCounts.Of(grouped.Where(g => g.Kind == kind).Select(g => (g.Light, g.Count)));

        // Each counted path belongs to the line whose unit is its nearest listed ancestor (or itself):
        // walk up the path once instead of testing every line against every path.
        var lineOf = lines.ToDictionary(u => u.Path, u => u.Id, StringComparer.Ordinal);
        int? LineFor(string path)
        {
            for (var end = path.Length - 1; end > 0; end = path.LastIndexOf('/', end - 1))
            {
                if (lineOf.TryGetValue(path[..(end + 1)], out var id))
                {
                    return id;
                }
            }

            return null;
        }

        // One walk per lead unit, not per group (a province: 2,000 units, 17,000 groups).
        var lineOfUnit = grouped.Select(g => g.LeadUnitId).Distinct()
            .ToDictionary(u => u, u => parent is not null && pathOf[u] == parent.Path ? -1 : LineFor(pathOf[u]) ?? 0);
        var byLine = grouped.ToLookup(g => lineOfUnit[g.LeadUnitId]);
        static UnitLine Line(int unitId, bool direct, string name, IEnumerable<Group> source)
        {
            var mine = source.ToList();
            var due = mine.Sum(g => g.Due);
            var onTime = mine.Sum(g => g.OnTime);
            return new UnitLine(unitId, direct, name, LightCounts.Of(mine.Select(g => (g.Light, g.Count))), due, onTime, due == 0 ? null : onTime * 100 / due,
                mine.Sum(g => g.Overdue), mine.Sum(g => g.Missing), mine.Sum(g => g.Extensions));
        }

        var unitLines = lines.Select(u => Line(u.Id, false, u.ShortName ?? u.Name, byLine[u.Id]))
            .OrderByDescending(l => l.Lights.Red).ThenByDescending(l => l.Lights.Yellow).ThenBy(l => l.Unit, StringComparer.Ordinal)
            .ToList();
        if (parent is not null)
        {
            var own = Line(parent.Id, true, parent.ShortName ?? parent.Name, byLine[-1]);
            if (own.Lights.Total > 0)
            {
                unitLines.Add(own);
            }
        }

        var total = Line(root?.Id ?? 0, false, root?.Name ?? string.Empty, grouped);
        return new OverviewData(root?.Id, root?.Name ?? string.Empty, Kind(WorkItemKind.Task), Kind(WorkItemKind.KeyProject), Kind(WorkItemKind.Problem),
            unitLines, total, trend, lagging, Kind(WorkItemKind.Indicator), Kind(WorkItemKind.Lead));
    }

    private static async Task<List<WeekTrend>> TrendAsync(DubanDb db, AccessScope scope, OverviewFilter filter, Unit? root, DateOnly today, DateTime utcNow, TimeZoneInfo zone, CancellationToken ct)
    {
        var items = Items(db, scope, filter, root?.Path);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-7 * 7);
        // Light changes by local week (the region's offset; China keeps one all year).
        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.GetUtcOffset(utcNow).TotalHours;
        var from = weekStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-offset);
        // Counted by week in the database, each week's start (local midnight on Monday) taken as an instant.
        // The whole region: one range count per week over the (RegionId, At, To) index, the eight united — a
        // condition per week on every change cost 54 ms on SQLite for a province, turning every instant into a
        // local day 100. A part of the region: its items' changes through (WorkItemId, At), read once with a
        // condition per week; the region is left out of that query, tenant filter included, or the planners
        // scan the whole region's changes instead (PostgreSQL, a county: 160 ms instead of 15). Those items are
        // the viewer's own, tenant filter and scope applied, so no other region's change can enter.
        var weekly = new List<(int Week, Light To, int Count)>();
        if (!scope.RegionWide || root is not null || filter.LedgerId is not null || filter.LeaderId is not null || filter.Kind is not null)
        {
            var ids = items.Select(w => w.Id);
            DateTime W(int i) => from.AddDays(7 * i);
            var (w1, w2, w3, w4, w5, w6, w7, w8) = (W(1), W(2), W(3), W(4), W(5), W(6), W(7), W(8));
            var rows = await db.LightChanges.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.At >= from && c.At < w8 && ids.Contains(c.WorkItemId) && (c.To == Light.Red || c.To == Light.Yellow || c.To == Light.Done))
                .GroupBy(c => c.To)
                .Select(g => new
                {
                    To = g.Key,
                    Weeks = new[]
                    {
                        g.Count(c => c.At < w1), g.Count(c => c.At >= w1 && c.At < w2), g.Count(c => c.At >= w2 && c.At < w3), g.Count(c => c.At >= w3 && c.At < w4),
                        g.Count(c => c.At >= w4 && c.At < w5), g.Count(c => c.At >= w5 && c.At < w6), g.Count(c => c.At >= w6 && c.At < w7), g.Count(c => c.At >= w7),
                    },
                })
                .ToListAsync(ct);
            weekly.AddRange(rows.SelectMany(r => r.Weeks.Select((n, i) => (i, r.To, n))));
        }
        else
        {
            var region = db.LightChanges.AsNoTracking().Where(c => c.RegionId == scope.RegionId && (c.To == Light.Red || c.To == Light.Yellow || c.To == Light.Done));
            var rows = await Enumerable.Range(0, 8).Select(i =>
                {
                    var (start, end) = (from.AddDays(7 * i), from.AddDays(7 * (i + 1)));
                    return region.Where(c => c.At >= start && c.At < end).GroupBy(c => c.To).Select(g => new { Week = i, To = g.Key, Count = g.Count() });
                })
                .Aggregate((a, b) => a.Concat(b))
                .ToListAsync(ct);
            weekly.AddRange(rows.Select(r => (r.Week, r.To, r.Count)));
        }

        int Week(Light to, int i) => weekly.Where(x => x.Week == i && x.To == to).Sum(x => x.Count);
        return Enumerable.Range(0, 8).Select(i => new WeekTrend(weekStart.AddDays(7 * i), Week(Light.Red, i), Week(Light.Yellow, i), Week(Light.Done, i))).ToList();
    }

    private static Task<List<LaggingItem>> LaggingAsync(DubanDb db, AccessScope scope, OverviewFilter filter, string? path, CancellationToken ct)
    {
        var items = Items(db, scope, filter, path);
        var people = db.People.AsNoTracking();
        var units = db.Units.AsNoTracking();
        var reports = db.ProgressReports.AsNoTracking();
        return items.Where(w => w.Light == Light.Red && w.Kind != WorkItemKind.Problem)
            .OrderBy(w => w.LightSince).ThenBy(w => w.Id).Take(10)
            .Select(w => new LaggingItem(w.Id, w.Kind, w.Name,
                units.Where(u => u.Id == w.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                people.Where(p => p.Id == w.LeaderId).Select(p => p.Name).FirstOrDefault(),
                w.Light, w.LightReason, w.LightReasonDate, w.LightReasonText, w.LightReasonNumber, w.LightSince,
                reports.Where(r => r.WorkItemId == w.Id && r.ProblemCause != null).OrderByDescending(r => r.SubmittedAt).Select(r => r.ProblemCause).FirstOrDefault(),
                reports.Where(r => r.WorkItemId == w.Id && r.Problems != null).OrderByDescending(r => r.SubmittedAt).Select(r => r.Problems).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>The items of one lead unit, kind and light, counted in the database.</summary>
    private sealed record Group(int LeadUnitId, WorkItemKind Kind, Light Light, int Count, int Due, int OnTime, int Overdue, int Missing, int Extensions);

    /// <summary>What a figure counts: the filter, a unit's subtree, and one light or one condition.</summary>
    public sealed record ItemQuery : OverviewFilter
    {
        public Light? Light { get; init; }

        /// <summary>overdue, missing, due (due or finished), ontime.</summary>
        [MaxLength(20)]
        public string? Only { get; init; }

        /// <summary>Only the unit's own items, not its subtree's (the 本级 line).</summary>
        public bool? Direct { get; init; }
    }

    public sealed record ItemRow(int Id, WorkItemKind Kind, string Name, string? LeadUnit, DateOnly? Deadline, Light Light, LightReason Reason, DateOnly? ReasonDate, string? ReasonText, int? ReasonNumber);

    /// <summary>The items behind one figure of the overview, by the same conditions that counted them.</summary>
    public static async Task<(int Total, List<ItemRow> Rows)> ItemsAsync(DubanDb db, AccessScope scope, ItemQuery query, DateOnly today, DateTime utcNow, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var path = query.UnitId is { } id ? await db.Units.AsNoTracking().VisibleTo(scope).Where(u => u.Id == id).Select(u => u.Path).FirstOrDefaultAsync(ct) ?? "/none/" : null;
        var items = Items(db, scope, query, path);
        if (query.Direct == true && path is not null)
        {
            items = items.Where(w => w.LeadUnitPath == path);
        }

        if (query.Light is { } light)
        {
            items = items.Where(w => w.Light == light);
        }

        items = query.Only switch
        {
            "overdue" => items.Where(w => w.LightReason == LightReason.MilestoneOverdue || w.LightReason == LightReason.DeadlineOverdue),
            "missing" => items.Where(w => w.Status != WorkItemStatus.Closed && w.Status != WorkItemStatus.Paused && w.NextReportDueAt < utcNow),
            "due" => items.Where(w => (w.Status == WorkItemStatus.Closed && w.Deadline != null) || (w.Status != WorkItemStatus.Closed && w.Deadline < today)),
            "ontime" => items.Where(w => w.Status == WorkItemStatus.Closed && w.Deadline != null && w.ClosedOn <= w.Deadline),
            "extensions" => items.Where(w => w.ExtensionCount > 0),
            _ => items,
        };
        var total = await items.CountAsync(ct);
        var units = db.Units.AsNoTracking();
        var rows = await items.OrderBy(w => w.LeadUnitPath).ThenBy(w => w.Id).Take(500)
            .Select(w => new ItemRow(w.Id, w.Kind, w.Name, units.Where(u => u.Id == w.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                w.Deadline, w.Light, w.LightReason, w.LightReasonDate, w.LightReasonText, w.LightReasonNumber))
            .ToListAsync(ct);
        return (total, rows);
    }

    private static IQueryable<WorkItem> Items(DubanDb db, AccessScope scope, OverviewFilter filter, string? path)
    {
        var items = db.WorkItems.AsNoTracking().VisibleTo(db, scope);
        if (path is not null)
        {
            items = items.LedWithin(path);
        }

        if (filter.LedgerId is { } ledger)
        {
            items = items.Where(w => w.LedgerId == ledger);
        }

        if (filter.LeaderId is { } leader)
        {
            items = items.Where(w => w.LeaderId == leader);
        }

        if (filter.Kind is { } kind)
        {
            items = items.Where(w => w.Kind == kind);
        }

        return items;
    }

    /// <summary>
    /// The viewer's top units (those whose parent it cannot see); when that is one unit — a region's
    /// leadership, a leader's own unit — its children instead, with it as the parent of the 本级 line.
    /// </summary>
    private static (Unit? Parent, List<Unit> Lines) TopUnits(IReadOnlyList<Unit> units)
    {
        var ids = units.Select(u => u.Id).ToHashSet();
        var tops = units.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).ToList();
        if (tops.Count == 1)
        {
            var children = units.Where(u => u.ParentId == tops[0].Id).ToList();
            return children.Count > 0 ? (tops[0], children) : (null, tops);
        }

        return (null, tops);
    }
}
