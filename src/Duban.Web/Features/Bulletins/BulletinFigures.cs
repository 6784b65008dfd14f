using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Bulletins;
using Duban.Domain.Work;
using Duban.Web.Features.Overview;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Bulletins;

/// <summary>One red or yellow item as a bulletin names it: what, who leads it, who answers for it, why, and what blocks it.</summary>
public sealed record BulletinItem(
    int Id, WorkItemKind Kind, string Name, string? LeadUnit, string? Leader,
    Light Light, LightReason Reason, DateOnly? ReasonDate, string? ReasonText, int? ReasonNumber,
    ProblemCause? Cause, string? Problems);

/// <summary>A unit's place in the on-time ranking; units with nothing due yet have no rate and no rank.</summary>
public sealed record RankedUnit(int? Rank, int UnitId, string Unit, int Items, int Due, int OnTime, int? OnTimeRate, int Red, int Yellow, int Overdue, int ReportsMissing);

/// <summary>An indicator as the bulletin's "主要经济指标完成情况" gives it: the region's figure at its latest period against target and time.</summary>
public sealed record BulletinIndicator(
    string Name, bool IsPart, string? Measure, int? PeriodFrom, int? PeriodTo, decimal? Value, decimal? Yoy, Domain.Indicators.Revision? Revision,
    decimal? Target, decimal? TargetGrowth, decimal? Completion, decimal? TimeProgress, decimal? Gap, int? Rank, int? Peers,
    Light Light, LightReason Reason, int? ReasonNumber);

/// <summary>What happened in the period: lights that turned red or yellow, items closed, reports, notices.</summary>
/// <summary>招商引资 in a bulletin: counts and rates only, never a lead's name (an issued bulletin is read by everyone).</summary>
public sealed record BulletinLeads(int Open, int NewInPeriod, int SignedThisYear, decimal SignedAmountThisYear, int LandedThisYear, double? SigningRate, double? LandingRate, int Stale, int SignedNotLanded, int Red, int Yellow);

public sealed record PeriodActivity(int NewRed, int NewYellow, int Closed, int Reports, int LateReports, int Letters, int Notices);

/// <summary>The figures a bulletin is written from, frozen when it is composed (stored as JSON on the bulletin).</summary>
public sealed record BulletinFigures(
    string Region, DateOnly AsOf, DateOnly PeriodStart, DateOnly PeriodEnd,
    LightCounts Tasks, LightCounts Projects, LightCounts Problems, PeriodActivity Period,
    IReadOnlyList<BulletinItem> Red, int RedTotal, IReadOnlyList<BulletinItem> Yellow, int YellowTotal,
    IReadOnlyList<RankedUnit> Ranking, IReadOnlyList<WeekTrend> Trend, IReadOnlyList<BulletinIndicator>? Indicators = null, BulletinLeads? Leads = null)
{
    /// <summary>How many red and how many yellow items a bulletin lists by name; the rest are counted.</summary>
    public const int ListedPerLight = 30;

    /// <summary>How many units at the top and at the bottom of the ranking are named in the text.</summary>
    public const int Named = 3;

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    public static BulletinFigures FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<BulletinFigures>(json, Json) ?? throw new InvalidOperationException("Empty bulletin figures.");

    /// <summary>The top of the ranking: up to <see cref="Named"/> units, never more than half of those ranked (rounded up).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<RankedUnit> Top
    {
        get
        {
            var ranked = Ranking.Where(r => r.Rank is not null).ToList();
            return ranked.Take(Math.Min(Named, ranked.Count - BottomCount(ranked.Count)));
        }
    }

    /// <summary>The bottom of the ranking, lowest last: up to <see cref="Named"/> units, never more than half, never one named at the top.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<RankedUnit> Bottom
    {
        get
        {
            var ranked = Ranking.Where(r => r.Rank is not null).ToList();
            return ranked.Skip(ranked.Count - BottomCount(ranked.Count));
        }
    }

    private static int BottomCount(int ranked) => Math.Min(Named, ranked / 2);

    /// <summary>
    /// Counts the region's work as the overview does (one query by lead unit, kind and light, summed up the
    /// tree), then the period's light changes, reports and notices, and the red and yellow items by name.
    /// </summary>
    public static async Task<BulletinFigures> ComposeAsync(DubanDb db, int regionId, BulletinKind kind, DateOnly day, DateTime utcNow, Func<DubanDb>? fork = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var region = await db.Regions.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == regionId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(region.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));
        var scope = AccessScope.WholeRegion(regionId);
        var overview = await OverviewQueries.LoadAsync(db, scope, new OverviewFilter(), today, utcNow, zone, fork, ct);

        var (start, end) = BulletinPeriod.Of(kind, day);
        var from = TimeZoneInfo.ConvertTimeToUtc(start.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var changes = await db.LightChanges.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.RegionId == regionId && c.At >= from && c.At < to)
            .GroupBy(c => c.To).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var reports = await db.ProgressReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.RegionId == regionId && r.SubmittedAt >= from && r.SubmittedAt < to)
            .GroupBy(r => r.IsLate).Select(g => new { Late = g.Key, Count = g.Count() }).ToListAsync(ct);
        var notices = await db.Notices.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.RegionId == regionId && n.IssuedAt >= from && n.IssuedAt < to)
            .GroupBy(n => n.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Changed(Light light) => changes.Where(c => c.Key == light).Sum(c => c.Count);
        var period = new PeriodActivity(
            Changed(Light.Red), Changed(Light.Yellow), Changed(Light.Done),
            reports.Sum(r => r.Count), reports.Where(r => r.Late).Sum(r => r.Count),
            notices.Where(n => n.Key == NoticeKind.ReminderLetter).Sum(n => n.Count), notices.Where(n => n.Key == NoticeKind.SupervisionNotice).Sum(n => n.Count));

        var (red, redTotal) = await ItemsAsync(db, scope, Light.Red, ct);
        var (yellow, yellowTotal) = await ItemsAsync(db, scope, Light.Yellow, ct);

        // The main economic indicators at their latest published period: the section that names the weak ones.
        var board = await Features.Indicators.IndicatorQueries.BoardAsync(db, scope, today.Year, ct);
        var indicators = board.Rows.Where(r => r.PeriodTo is not null)
            .Select(r => new BulletinIndicator(r.Indicator.Name, r.Depth > 0, r.Indicator.Measure, r.PeriodFrom, r.PeriodTo, r.Value, r.Yoy, r.Revision,
                r.Target, r.TargetGrowth, r.Completion, r.TimeProgress, r.Gap, r.Rank, r.Peers, r.Light, r.LightReason, r.LightNumber))
            .ToList();

        // 招商引资: the region's pipeline in figures, when it follows leads at all.
        var pipeline = await Features.Leads.LeadQueries.BoardAsync(db, scope, today.Year, today, null, ct);
        var newInPeriod = await db.WorkItems.IgnoreQueryFilters().AsNoTracking()
            .CountAsync(w => w.RegionId == regionId && w.Kind == WorkItemKind.Lead && w.StartDay >= start.DayNumber && w.StartDay <= end.DayNumber, ct);
        var leads = pipeline.Total == 0 ? null : new BulletinLeads(pipeline.Open, newInPeriod, pipeline.SignedThisYear, pipeline.SignedAmountThisYear, pipeline.LandedThisYear,
            pipeline.SigningRate, pipeline.LandingRate, pipeline.Stale, pipeline.SignedNotLanded, pipeline.Red, pipeline.Yellow);

        return new BulletinFigures(region.Name, today, start, end, overview.Tasks, overview.Projects, overview.Problems, period,
            red, redTotal, yellow, yellowTotal, Rank(overview.Units), overview.Trend, indicators, leads);
    }

    /// <summary>Units by on-time rate (highest first), then fewer red, then fewer overdue; the 本级 line is not a unit to rank.</summary>
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<UnitLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var units = lines.Where(l => !l.Direct && l.Lights.Total > 0).ToList();
        var ranked = units.Where(l => l.OnTimeRate is not null)
            .OrderByDescending(l => l.OnTime * 1.0 / l.Due).ThenBy(l => l.Lights.Red).ThenBy(l => l.Overdue).ThenBy(l => l.Unit, StringComparer.Ordinal)
            .Select((l, i) => new RankedUnit(i + 1, l.UnitId, l.Unit, l.Lights.Total, l.Due, l.OnTime, l.OnTimeRate, l.Lights.Red, l.Lights.Yellow, l.Overdue, l.ReportsMissing));
        var unranked = units.Where(l => l.OnTimeRate is null).OrderBy(l => l.Unit, StringComparer.Ordinal)
            .Select(l => new RankedUnit(null, l.UnitId, l.Unit, l.Lights.Total, 0, 0, null, l.Lights.Red, l.Lights.Yellow, l.Overdue, l.ReportsMissing));
        return ranked.Concat(unranked).ToList();
    }

    private static async Task<(List<BulletinItem> Items, int Total)> ItemsAsync(DubanDb db, AccessScope scope, Light light, CancellationToken ct)
    {
        var items = db.WorkItems.IgnoreQueryFilters().AsNoTracking().VisibleTo(db, scope)
            // Tasks and projects by name; problems ride on their projects, indicators have a section of their own, and
            // leads are confidential: an issued bulletin is read by everyone, so it counts them and never names one.
            .Where(w => w.Light == light && (w.Kind == WorkItemKind.Task || w.Kind == WorkItemKind.KeyProject));
        var total = await items.CountAsync(ct);
        var people = db.People.IgnoreQueryFilters().AsNoTracking();
        var units = db.Units.IgnoreQueryFilters().AsNoTracking();
        var reports = db.ProgressReports.IgnoreQueryFilters().AsNoTracking();
        var rows = await items.OrderBy(w => w.LightSince).ThenBy(w => w.Id).Take(ListedPerLight)
            .Select(w => new BulletinItem(w.Id, w.Kind, w.Name,
                units.Where(u => u.Id == w.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                people.Where(p => p.Id == w.LeaderId).Select(p => p.Name).FirstOrDefault(),
                w.Light, w.LightReason, w.LightReasonDate, w.LightReasonText, w.LightReasonNumber,
                reports.Where(r => r.WorkItemId == w.Id && r.ProblemCause != null).OrderByDescending(r => r.SubmittedAt).Select(r => r.ProblemCause).FirstOrDefault(),
                reports.Where(r => r.WorkItemId == w.Id && r.Problems != null).OrderByDescending(r => r.SubmittedAt).Select(r => r.Problems).FirstOrDefault()))
            .ToListAsync(ct);
        return (rows, total);
    }
}
