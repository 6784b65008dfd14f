using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Indicators;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Indicators;

public sealed record IndicatorDto(int Id, string Name, string? Measure, IndicatorDirection Direction, IndicatorKind Kind, int FirstMonth, bool PublishesValue,
    int? ParentId, int? SourceUnitId, int LeadUnitId, string? LeadUnit, int? LeaderId, string? Leader, int SortOrder);

/// <summary>One line of the indicator board (一表掌进度): where the region stands on one indicator in its latest period.</summary>
public sealed record BoardRow(
    IndicatorDto Indicator,
    int Depth,
    int? PeriodFrom,
    int? PeriodTo,
    decimal? Value,
    decimal? Yoy,
    Revision? Revision,
    decimal? Target,
    decimal? TargetGrowth,
    decimal? Completion,
    decimal? TimeProgress,
    decimal? Gap,
    decimal? GrowthGap,
    int? Rank,
    int? RankChange,
    int? Peers,
    Light Light,
    LightReason LightReason,
    int? LightNumber,
    int? WorkItemId,
    IReadOnlyList<decimal?> Trend);

public sealed record Board(int Year, int? PeriodTo, IReadOnlyList<BoardRow> Rows, IReadOnlyList<int> Years);

/// <summary>One unit in the comparison of an indicator across the region's units. Targets, completion and light only where the reader sees the unit.</summary>
public sealed record ComparisonRow(int UnitId, string Unit, int? PeriodTo, decimal? Value, decimal? Yoy, decimal? Target, decimal? TargetGrowth, decimal? Completion, decimal? Gap,
    int? Rank, int? RankChange, Light? Light, LightReason? LightReason, int? WorkItemId, bool Visible);

public sealed record Comparison(int IndicatorId, string Indicator, string? Measure, int Year, int? PeriodTo, string RankBy, IReadOnlyList<ComparisonRow> Rows, decimal? SumOfTargets, decimal? RegionTarget);

/// <summary>One period of an indicator's year, with the light it had on the bureau's day for it.</summary>
public sealed record SeriesPoint(int PeriodFrom, int PeriodTo, decimal? Value, decimal? Yoy, decimal? LastYearValue, decimal? LastYearYoy, decimal? Completion, decimal? TimeProgress,
    decimal? Gap, decimal? GrowthGap, decimal? TwoYearGrowth, Revision? Revision, int Revisions, Light? Light, LightReason? LightReason);

public sealed record PeerRow(string Name, bool IsRegion, decimal? Value, decimal? Yoy, int? Rank);

public sealed record RevisionRow(int Id, int PeriodTo, string? Subject, decimal? Value, decimal? Yoy, Revision Revision, DateTime RecordedAt, string? Source);

public sealed record TargetDto(int Id, int Year, int? UnitId, decimal? Value, decimal? Growth, int? HalfYearPercent, int? ThreeQuartersPercent, int WorkItemId);

public sealed record IndicatorDetailDto(IndicatorDto Indicator, int Year, int? UnitId, string? Unit, TargetDto? Target, Light? Light, LightReason? LightReason, int? LightNumber,
    IReadOnlyList<SeriesPoint> Series, IReadOnlyList<PeerRow> Peers, IReadOnlyList<RevisionRow> Revisions, IReadOnlyList<TargetDto> UnitTargets, decimal? SumOfUnitTargets);

public static class IndicatorQueries
{
    public static async Task<List<IndicatorDto>> CatalogueAsync(DubanDb db, int regionId, CancellationToken ct) =>
        await db.Indicators.AsNoTracking().Where(i => i.RegionId == regionId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new IndicatorDto(i.Id, i.Name, i.Measure, i.Direction, i.Kind, i.FirstMonth, i.PublishesValue, i.ParentId, i.SourceUnitId, i.LeadUnitId,
                db.Units.Where(u => u.Id == i.LeadUnitId).Select(u => u.Name).FirstOrDefault(), i.LeaderId,
                db.People.Where(p => p.Id == i.LeaderId).Select(p => p.Name).FirstOrDefault(), i.SortOrder))
            .ToListAsync(ct);

    /// <summary>
    /// The years that have figures, newest first: one index seek per year (the newest year below the last one
    /// found) instead of a DISTINCT over every figure of the region, which read all of a province's 700,000.
    /// </summary>
    public static async Task<List<int>> YearsAsync(DubanDb db, int regionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var years = new List<int>();
        var region = db.IndicatorValues.AsNoTracking().Where(v => v.RegionId == regionId);
        var next = await region.OrderByDescending(v => v.Year).Select(v => (int?)v.Year).FirstOrDefaultAsync(ct);
        while (next is { } y && years.Count < 100)
        {
            years.Add(y);
            next = await region.Where(v => v.Year < y).OrderByDescending(v => v.Year).Select(v => (int?)v.Year).FirstOrDefaultAsync(ct);
        }

        return years;
    }

    /// <summary>The board: every indicator of the region for a year, at its latest period. Region figures are published: anyone who reads sees them.</summary>
    public static async Task<Board> BoardAsync(DubanDb db, AccessScope scope, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var catalogue = await CatalogueAsync(db, scope.RegionId, ct);
        // The region's own figures and its peers' only (UnitId null, read through IX_IndicatorValues_RegionId_UnitId_Year): the
        // units' figures are a hundred times as many rows and the board shows none of them.
        var values = IndicatorSeries.CurrentOf(await db.IndicatorValues.AsNoTracking()
            .Where(v => v.RegionId == scope.RegionId && v.UnitId == null && (v.Year == year || v.Year == year - 1))
            .ToListAsync(ct));
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.RegionId == scope.RegionId && t.Year == year && t.UnitId == null).ToDictionaryAsync(t => t.IndicatorId, ct);
        var itemIds = targets.Values.Select(t => t.WorkItemId).ToList();
        var lights = await db.WorkItems.AsNoTracking().Where(w => itemIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Light, w.LightReason, w.LightReasonNumber }).ToDictionaryAsync(w => w.Id, ct);
        var years = await YearsAsync(db, scope.RegionId, ct);
        var byIndicator = values.ToLookup(v => v.IndicatorId);
        var entities = catalogue.ToDictionary(i => i.Id, IndicatorSeries.Entity);
        var rows = new List<BoardRow>();
        foreach (var dto in IndicatorSeries.TreeOrder(catalogue))
        {
            var indicator = entities[dto.Id];
            var own = byIndicator[dto.Id].Where(v => v.PeerName == null).ToList();
            var latest = own.Where(v => v.Year == year).MaxBy(v => v.PeriodTo);
            var target = targets.GetValueOrDefault(dto.Id);
            var lastYear = latest is null ? null : own.FirstOrDefault(v => v.Year == year - 1 && v.PeriodTo == latest.PeriodTo);
            var standing = IndicatorFigures.Of(indicator, target, latest, year, latest?.PeriodTo ?? 0, lastYear?.Yoy);
            var (rank, peers) = latest is null ? (null, 0) : IndicatorSeries.RegionRank(indicator, byIndicator[dto.Id].Where(v => v.Year == year && v.PeriodTo == latest.PeriodTo).ToList());
            var previous = latest is null ? null : own.Where(v => v.Year == year && v.PeriodTo < latest.PeriodTo).MaxBy(v => v.PeriodTo);
            var (previousRank, _) = previous is null ? (null, 0) : IndicatorSeries.RegionRank(indicator, byIndicator[dto.Id].Where(v => v.Year == year && v.PeriodTo == previous.PeriodTo).ToList());
            var lit = target is not null && lights.TryGetValue(target.WorkItemId, out var l) ? l : null;
            var trend = indicator.PeriodsOfYear().Where(m => latest is not null && m <= latest.PeriodTo)
                .Select(m => own.FirstOrDefault(v => v.Year == year && v.PeriodTo == m)?.Yoy).ToList();
            rows.Add(new BoardRow(dto, dto.ParentId is null ? 0 : 1, latest?.PeriodFrom, latest?.PeriodTo, standing.Value, standing.Yoy, standing.Revision,
                standing.Target, standing.TargetGrowth, standing.Completion, standing.TimeProgress, latest is null ? null : standing.Gap, standing.GrowthGap,
                rank, rank is { } r && previousRank is { } pr ? pr - r : null, peers == 0 ? null : peers,
                lit?.Light ?? Light.Grey, lit?.LightReason ?? LightReason.NotStarted, lit?.LightReasonNumber, target?.WorkItemId, trend));
        }

        var periodTo = rows.Where(r => r.PeriodTo is not null).Select(r => r.PeriodTo).Max();
        return new Board(year, periodTo, rows, years.Count == 0 ? [year] : years);
    }

    /// <summary>
    /// One indicator across the region's units for a year's period, ranked by growth (or completion). Growth and
    /// rank are published; a unit's target, completion and light only to readers who see that unit.
    /// </summary>
    public static async Task<Comparison?> CompareAsync(DubanDb db, AccessScope scope, int indicatorId, int year, int? periodTo, string? rankBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var entity = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId && i.RegionId == scope.RegionId, ct);
        if (entity is null)
        {
            return null;
        }

        // Only the two periods compared are read (the latest, or the one asked for, and the one before it, for the
        // change of rank): a decomposed indicator has 2,000 units' figures every month.
        var unitValues = db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicatorId && v.Year == year && v.UnitId != null);
        var period = periodTo ?? await unitValues.OrderByDescending(v => v.PeriodTo).Select(v => (int?)v.PeriodTo).FirstOrDefaultAsync(ct);
        var before = period is { } p ? await unitValues.Where(v => v.PeriodTo < p).OrderByDescending(v => v.PeriodTo).Select(v => (int?)v.PeriodTo).FirstOrDefaultAsync(ct) : null;
        var values = period is null ? [] : IndicatorSeries.CurrentOf(await unitValues.Where(v => v.PeriodTo == period || v.PeriodTo == before).ToListAsync(ct));
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == indicatorId && t.Year == year).ToListAsync(ct);
        // The region's units and the targets' lights by a join, not by lists of 2,000 ids: each id is a parameter of
        // its own, and a statement with 2,000 of them cost more than all the rest of the comparison.
        var unitIds = values.Select(v => v.UnitId!.Value).Concat(targets.Where(t => t.UnitId != null).Select(t => t.UnitId!.Value)).ToHashSet();
        var units = (await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct))
            .Where(u => unitIds.Contains(u.Id)).ToList();
        var lights = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == indicatorId && t.Year == year)
            .Join(db.WorkItems.AsNoTracking(), t => t.WorkItemId, w => w.Id, (t, w) => new { w.Id, w.Light, w.LightReason })
            .ToDictionaryAsync(w => w.Id, ct);
        var by = rankBy == "completion" ? "completion" : "yoy";

        // Looked up by key, not searched: 2,000 units each searching 20,000 figures took 600 ms.
        var valueAt = values.GroupBy(v => (Unit: v.UnitId!.Value, v.PeriodTo)).ToDictionary(g => g.Key, g => g.First());
        var targetOf = targets.Where(t => t.UnitId != null).GroupBy(t => t.UnitId!.Value).ToDictionary(g => g.Key, g => g.First());
        var unitById = units.ToDictionary(u => u.Id);

        List<(int Unit, IndicatorStanding Standing, IndicatorTarget? Target, int? PeriodTo)> StandingsAt(int? at) => units.Select(u =>
        {
            var value = at is { } m ? valueAt.GetValueOrDefault((u.Id, m)) : null;
            var target = targetOf.GetValueOrDefault(u.Id);
            return (u.Id, IndicatorFigures.Of(entity, target, value, year, at ?? 0), target, value?.PeriodTo);
        }).ToList();

        Dictionary<int, int> RanksOf(List<(int Unit, IndicatorStanding Standing, IndicatorTarget? Target, int? PeriodTo)> standings) =>
            IndicatorFigures.Rank(standings.Select(s => (s.Unit, by == "completion" ? s.Standing.Completion : s.Standing.Yoy)),
                by == "completion" ? IndicatorDirection.HigherIsBetter : entity.Direction);

        var now = StandingsAt(period);
        var ranks = RanksOf(now);
        var previousRanks = before is null ? [] : RanksOf(StandingsAt(before));
        var rows = now.Select(s =>
        {
            var unit = unitById[s.Unit];
            var visible = scope.RegionWide || scope.CanSee(scope.RegionId, unit.Path);
            var lit = visible && s.Target is not null && lights.TryGetValue(s.Target.WorkItemId, out var l) ? l : null;
            int? rank = ranks.TryGetValue(s.Unit, out var r) ? r : null;
            int? change = rank is not null && previousRanks.TryGetValue(s.Unit, out var pr) ? pr - rank : null;
            return new ComparisonRow(unit.Id, unit.Name, s.PeriodTo, s.Standing.Value, s.Standing.Yoy,
                visible ? s.Standing.Target : null, visible ? s.Standing.TargetGrowth : null, visible ? s.Standing.Completion : null, visible ? s.Standing.Gap : null,
                rank, change, lit?.Light, lit?.LightReason, visible ? s.Target?.WorkItemId : null, visible);
        }).OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var regionTarget = targets.FirstOrDefault(t => t.UnitId == null)?.Value;
        var sum = scope.RegionWide && targets.Any(t => t.UnitId != null && t.Value != null) ? targets.Where(t => t.UnitId != null).Sum(t => t.Value ?? 0) : (decimal?)null;
        return new Comparison(entity.Id, entity.Name, entity.Measure, year, period, by, rows, sum, regionTarget);
    }

    /// <summary>An indicator's year, month by month, for the region or one unit the reader sees; with peers, revisions and the units' targets.</summary>
    public static async Task<IndicatorDetailDto?> DetailAsync(DubanDb db, AccessScope scope, int indicatorId, int year, int? unitId, LightSettings settings, TimeZoneInfo zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var dto = (await CatalogueAsync(db, scope.RegionId, ct)).FirstOrDefault(i => i.Id == indicatorId);
        if (dto is null)
        {
            return null;
        }

        string? unitName = null;
        if (unitId is { } uid)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid && u.RegionId == scope.RegionId, ct);
            if (unit is null || !(scope.RegionWide || scope.CanSee(unit)))
            {
                return null;
            }

            unitName = unit.Name;
        }

        var indicator = IndicatorSeries.Entity(dto);
        // Only the subject's own figures (and, for the region, its peers'): everything below reads no other unit's,
        // and a decomposed indicator's two years hold 44,000 of them.
        var ofIndicator = db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicatorId && (v.Year == year || v.Year == year - 1));
        var all = await (unitId is { } subject ? ofIndicator.Where(v => v.UnitId == subject) : ofIndicator.Where(v => v.UnitId == null)).ToListAsync(ct);
        var current = IndicatorSeries.CurrentOf(all);
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == indicatorId && t.Year == year).ToListAsync(ct);
        var target = targets.FirstOrDefault(t => t.UnitId == unitId);
        var own = current.Where(v => v.UnitId == unitId && v.PeerName == null).ToList();
        var series = new List<SeriesPoint>();
        foreach (var m in indicator.PeriodsOfYear())
        {
            var value = own.FirstOrDefault(v => v.Year == year && v.PeriodTo == m);
            var last = own.FirstOrDefault(v => v.Year == year - 1 && v.PeriodTo == m);
            var standing = IndicatorFigures.Of(indicator, target, value, year, m, last?.Yoy);
            var lit = value is null || target is null ? null : IndicatorSeries.LightAt(indicator, target, standing, m, settings, zone);
            series.Add(new SeriesPoint(value?.PeriodFrom ?? last?.PeriodFrom ?? 1, m, value?.Value, value?.Yoy, last?.Value, last?.Yoy, value is null ? null : standing.Completion,
                standing.TimeProgress, value is null ? null : standing.Gap, standing.GrowthGap, standing.TwoYearGrowth, value?.Revision,
                all.Count(v => v.UnitId == unitId && v.PeerName == null && v.Year == year && v.PeriodTo == m), lit?.Light, lit?.Reason));
        }

        var latest = own.Where(v => v.Year == year).MaxBy(v => v.PeriodTo);
        var peers = new List<PeerRow>();
        if (unitId is null && latest is not null)
        {
            var at = current.Where(v => v.Year == year && v.PeriodTo == latest.PeriodTo && v.UnitId == null).ToList();
            var ranks = IndicatorFigures.Rank(at.Select(v => (v.PeerName ?? string.Empty, v.Yoy)), indicator.Direction);
            peers = at.Select(v => new PeerRow(v.PeerName ?? string.Empty, v.PeerName is null, v.Value, v.Yoy, v.Rank ?? (ranks.TryGetValue(v.PeerName ?? string.Empty, out var r) ? r : null)))
                .OrderBy(p => p.Rank ?? int.MaxValue).ToList();
            if (peers.Count < 2)
            {
                peers = [];
            }
        }

        var revisions = all.Where(v => v.Year == year && v.UnitId == unitId && (unitId != null || v.PeerName == null))
            .OrderByDescending(v => v.PeriodTo).ThenByDescending(v => v.Revision).ThenByDescending(v => v.RecordedAt)
            .Select(v => new RevisionRow(v.Id, v.PeriodTo, v.PeerName, v.Value, v.Yoy, v.Revision, v.RecordedAt, v.Source)).ToList();
        var item = target is null ? null : await db.WorkItems.AsNoTracking().Where(w => w.Id == target.WorkItemId)
            .Select(w => new { w.Light, w.LightReason, w.LightReasonNumber }).FirstOrDefaultAsync(ct);
        var unitTargets = unitId is null && scope.RegionWide
            ? targets.Where(t => t.UnitId != null).Select(ToDto).ToList()
            : [];
        return new IndicatorDetailDto(dto, year, unitId, unitName, target is null ? null : ToDto(target), item?.Light, item?.LightReason, item?.LightReasonNumber,
            series, peers, revisions, unitTargets, unitTargets.Count == 0 ? null : unitTargets.Sum(t => t.Value ?? 0));
    }

    public static TargetDto ToDto(IndicatorTarget t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.Year, t.UnitId, t.Value, t.Growth, t.HalfYearPercent, t.ThreeQuartersPercent, t.WorkItemId);
    }
}

/// <summary>Small pieces the board, the comparison and the detail share.</summary>
public static class IndicatorSeries
{
    /// <summary>The figure in force for each indicator, year, period and subject: the latest revision.</summary>
    public static List<IndicatorValue> CurrentOf(IEnumerable<IndicatorValue> values) =>
        values.GroupBy(v => (v.IndicatorId, v.Year, v.PeriodTo, v.UnitId, v.PeerName)).Select(g => IndicatorFigures.Current(g)!).ToList();

    public static Indicator Entity(IndicatorDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new Indicator
        {
            Id = dto.Id,
            Name = dto.Name,
            Measure = dto.Measure,
            Direction = dto.Direction,
            Kind = dto.Kind,
            FirstMonth = dto.FirstMonth,
            PublishesValue = dto.PublishesValue,
            ParentId = dto.ParentId,
            LeadUnitId = dto.LeadUnitId,
            LeaderId = dto.LeaderId,
        };
    }

    /// <summary>Parents first, each followed by its parts ("其中").</summary>
    public static IEnumerable<IndicatorDto> TreeOrder(IReadOnlyList<IndicatorDto> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var ids = catalogue.Select(i => i.Id).ToHashSet();
        foreach (var top in catalogue.Where(i => i.ParentId is null || !ids.Contains(i.ParentId.Value)))
        {
            yield return top;
            foreach (var child in catalogue.Where(i => i.ParentId == top.Id))
            {
                yield return child;
            }
        }
    }

    /// <summary>The region's place among its peers for one period: the bureau's where it gave one, else by growth.</summary>
    public static (int? Rank, int Peers) RegionRank(Indicator indicator, IReadOnlyList<IndicatorValue> atPeriod)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(atPeriod);
        var region = atPeriod.FirstOrDefault(v => v.PeerName == null && v.UnitId == null);
        if (region is null)
        {
            return (null, 0);
        }

        if (region.Rank is { } given)
        {
            return (given, atPeriod.Count(v => v.UnitId == null));
        }

        var peers = atPeriod.Where(v => v.UnitId == null).ToList();
        if (peers.Count < 2)
        {
            return (null, 0);
        }

        var ranks = IndicatorFigures.Rank(peers.Select(v => (v.PeerName ?? string.Empty, v.Yoy)), indicator.Direction);
        return (ranks.TryGetValue(string.Empty, out var r) ? r : null, peers.Count);
    }

    /// <summary>
    /// The light a period's figure gave, from the one rule table: the standing's facts on the bureau's day for
    /// the period, so that a month that was red and then caught up stays red in the series.
    /// </summary>
    public static LightResult LightAt(Indicator indicator, IndicatorTarget target, IndicatorStanding standing, int periodTo, LightSettings settings, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(settings);
        var published = new DateOnly(target.Year, periodTo, 1).AddMonths(1).AddDays(Math.Clamp(settings.IndicatorDueDay, 1, 28) - 1);
        var facts = new LightFacts(WorkItemStatus.InProgress, new DateOnly(target.Year, 1, 1), null, null, null, null, ReportingCadence.None, null, null,
            IndicatorGap: standing.GapTenths, IndicatorGrowthShort: standing.GrowthGapTenths,
            IndicatorGrowth: indicator.Direction == IndicatorDirection.HigherIsBetter ? standing.YoyTenths : null,
            IndicatorNextPeriod: IndicatorFigures.NextPeriod(indicator, target.Year, periodTo));
        var utc = TimeZoneInfo.ConvertTimeToUtc(published.ToDateTime(new TimeOnly(12, 0)), zone);
        return LightRules.Evaluate(facts, LightMoment.For(utc, zone, settings, WorkdayCalendar.Plain));
    }
}
