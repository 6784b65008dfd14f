using Duban.Data;
using Duban.Domain.Indicators;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Indicators;

/// <summary>
/// An indicator's targets as answerable work. Each target (the region's, and each unit's it is decomposed to)
/// is carried by a work item of kind <see cref="WorkItemKind.Indicator"/> in the year's indicator ledger, led by
/// the indicator's lead unit (or the unit) with its answerable leader: the light engine, urging, notices,
/// instructions and the light history then treat it like any task. This class keeps those items' light facts
/// in step with the bureau's figures and relights them.
/// </summary>
public sealed class IndicatorWork(DubanDb db, RecomputeLights lights)
{
    // What PreloadAsync read into the context, by key, and which keys it covered: a target or figure under a
    // covered key that is not in the index does not exist, so it is not looked for again row by row.
    private readonly Dictionary<(int Indicator, int Year, int? Unit), IndicatorTarget> loadedTargets = [];
    private readonly HashSet<(int Indicator, int Year)> targetsCovered = [];
    private readonly Dictionary<(int Indicator, int Year, int PeriodTo, int? Unit, string? Peer, Revision Revision), IndicatorValue> loadedValues = [];
    private readonly HashSet<(int Indicator, int Year, int PeriodTo, Revision Revision)> valuesCovered = [];

    /// <summary>
    /// Reads, tracked, every target of some indicators' years and every figure of a revision for some of their
    /// periods, so that <see cref="TargetAsync"/> and <see cref="StoreAsync"/> find them without a query each:
    /// an import of a towns table asked twice per row, 4,000 round trips for 2,000 towns.
    /// </summary>
    public async Task PreloadAsync(IReadOnlyCollection<int> indicatorIds, IReadOnlyCollection<int> years, IReadOnlyCollection<int> periods, Revision revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(periods);
        foreach (var t in await db.IndicatorTargets.Where(t => indicatorIds.Contains(t.IndicatorId) && years.Contains(t.Year)).ToListAsync(ct))
        {
            loadedTargets.TryAdd((t.IndicatorId, t.Year, t.UnitId), t);
        }

        foreach (var v in await db.IndicatorValues.Where(v => indicatorIds.Contains(v.IndicatorId) && years.Contains(v.Year) && periods.Contains(v.PeriodTo) && v.Revision == revision).ToListAsync(ct))
        {
            loadedValues.TryAdd((v.IndicatorId, v.Year, v.PeriodTo, v.UnitId, v.PeerName, v.Revision), v);
        }

        foreach (var i in indicatorIds)
        {
            foreach (var y in years)
            {
                targetsCovered.Add((i, y));
                foreach (var m in periods)
                {
                    valuesCovered.Add((i, y, m, revision));
                }
            }
        }
    }

    /// <summary>The year's indicator ledger ("2026年主要经济指标"), made on first use.</summary>
    public async Task<Ledger> LedgerAsync(int regionId, int year, string name, CancellationToken ct)
    {
        var ledgerId = await db.WorkItems.Where(w => w.RegionId == regionId && w.Kind == WorkItemKind.Indicator)
            .Join(db.Ledgers.Where(l => l.Year == year), w => w.LedgerId, l => l.Id, (w, l) => (int?)l.Id).FirstOrDefaultAsync(ct);
        if (ledgerId is not null)
        {
            return await db.Ledgers.FirstAsync(l => l.Id == ledgerId, ct);
        }

        var existing = await db.Ledgers.FirstOrDefaultAsync(l => l.RegionId == regionId && l.Year == year && l.Name == name, ct);
        if (existing is not null)
        {
            return existing;
        }

        var ledger = new Ledger { RegionId = regionId, Name = name, Year = year, SourceKind = SourceKind.Document };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync(ct);
        return ledger;
    }

    /// <summary>The work item a new target is carried by: led by the unit the target is for, or by the indicator's lead unit.</summary>
    public async Task<WorkItem> AddItemAsync(Indicator indicator, IndicatorTarget target, Ledger ledger, Unit lead, DateOnly today, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(lead);
        var item = new WorkItem
        {
            RegionId = indicator.RegionId,
            LedgerId = ledger.Id,
            Kind = WorkItemKind.Indicator,
            Name = indicator.Name,
            LeadUnitId = lead.Id,
            LeadUnitPath = lead.Path,
            LeaderId = target.UnitId is null ? indicator.LeaderId : null,
            StartDate = new DateOnly(target.Year, 1, 1),
            // No deadline: an indicator is lit by its figures, never by the calendar's end of year.
            TargetValue = target.Value,
            TargetUnit = target.Value is null ? null : indicator.Measure,
            CreatedAt = utcNow,
            IndicatorNextPeriod = IndicatorFigures.NextPeriod(indicator, target.Year, null),
        };
        item.ReportOn(ReportingCadence.DefaultFor(WorkItemKind.Indicator));
        item.Begin(today);
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(ct);
        item.PlaceUnder((WorkItem?)null);
        target.WorkItemId = item.Id;
        return item;
    }

    /// <summary>The target row (and its work item) for a year and unit, made if missing. Inside the caller's transaction; not saved.</summary>
    public async Task<IndicatorTarget> TargetAsync(Indicator indicator, int year, Unit? unit, string ledgerName, DateOnly today, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var unitId = unit?.Id;
        var target = targetsCovered.Contains((indicator.Id, year))
            ? loadedTargets.GetValueOrDefault((indicator.Id, year, unitId))
            : db.IndicatorTargets.Local.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.Year == year && t.UnitId == unitId)
                ?? await db.IndicatorTargets.FirstOrDefaultAsync(t => t.IndicatorId == indicator.Id && t.Year == year && t.UnitId == unitId, ct);
        if (target is not null)
        {
            return target;
        }

        target = new IndicatorTarget { RegionId = indicator.RegionId, IndicatorId = indicator.Id, Year = year, UnitId = unitId };
        var ledger = await LedgerAsync(indicator.RegionId, year, ledgerName, ct);
        var lead = unit ?? await db.Units.FirstAsync(u => u.Id == indicator.LeadUnitId, ct);
        await AddItemAsync(indicator, target, ledger, lead, today, utcNow, ct);
        db.IndicatorTargets.Add(target);
        if (targetsCovered.Contains((indicator.Id, year)))
        {
            loadedTargets[(indicator.Id, year, unitId)] = target;
        }

        return target;
    }

    /// <summary>Adds a figure, or replaces the one of the same period, subject and revision. Not saved.</summary>
    public async Task<IndicatorValue> StoreAsync(Indicator indicator, int year, int periodFrom, int periodTo, int? unitId, string? peer, decimal? value, decimal? yoy, int? rank, Revision revision, string source, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(source);
        var covered = valuesCovered.Contains((indicator.Id, year, periodTo, revision));
        var stored = covered
            ? loadedValues.GetValueOrDefault((indicator.Id, year, periodTo, unitId, peer, revision))
            : db.IndicatorValues.Local.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.Year == year && v.PeriodTo == periodTo && v.UnitId == unitId && v.PeerName == peer && v.Revision == revision)
                ?? await db.IndicatorValues.FirstOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.Year == year && v.PeriodTo == periodTo && v.UnitId == unitId && v.PeerName == peer && v.Revision == revision, ct);
        if (stored is null)
        {
            stored = new IndicatorValue { RegionId = indicator.RegionId, IndicatorId = indicator.Id, Year = year, PeriodTo = periodTo, UnitId = unitId, PeerName = peer, Revision = revision };
            db.IndicatorValues.Add(stored);
            if (covered)
            {
                loadedValues[(indicator.Id, year, periodTo, unitId, peer, revision)] = stored;
            }
        }

        stored.PeriodFrom = periodFrom;
        stored.Value = value;
        stored.Yoy = yoy;
        stored.Rank = rank;
        stored.RecordedAt = utcNow;
        stored.Source = source.Length > 200 ? source[..200] : source;
        return stored;
    }

    /// <summary>
    /// Refreshes the light facts of a year's targets (all of the region's, or some indicators') from their
    /// latest figures, saves, and relights the indicator ledger. Run inside the caller's transaction.
    /// </summary>
    public async Task<int> RefreshAsync(int regionId, int year, IReadOnlyCollection<int>? indicatorIds, CancellationToken ct)
    {
        var indicators = await db.Indicators.Where(i => i.RegionId == regionId && (indicatorIds == null || indicatorIds.Contains(i.Id))).ToDictionaryAsync(i => i.Id, ct);
        var ids = indicators.Keys.ToList();
        var targets = await db.IndicatorTargets.Where(t => t.RegionId == regionId && t.Year == year && ids.Contains(t.IndicatorId)).ToListAsync(ct);
        if (targets.Count == 0)
        {
            return 0;
        }

        // By a join, not a list of the items' ids: a region's year has 20,000 targets, each id a parameter of its own.
        var items = await db.IndicatorTargets.Where(t => t.RegionId == regionId && t.Year == year && ids.Contains(t.IndicatorId))
            .Join(db.WorkItems, t => t.WorkItemId, w => w.Id, (t, w) => w).ToDictionaryAsync(w => w.Id, ct);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.RegionId == regionId && (v.Year == year || v.Year == year - 1) && ids.Contains(v.IndicatorId) && v.PeerName == null)
            .ToListAsync(ct);
        // By target, not searched: 20,000 targets each searching a year's 460,000 figures never finished.
        var current = IndicatorSeries.CurrentOf(values).ToLookup(v => (v.IndicatorId, v.UnitId, v.Year));
        var changed = 0;
        foreach (var target in targets)
        {
            if (!items.TryGetValue(target.WorkItemId, out var item))
            {
                continue;
            }

            var indicator = indicators[target.IndicatorId];
            var latest = current[(target.IndicatorId, target.UnitId, year)].MaxBy(v => v.PeriodTo);
            var lastYear = latest is null ? null : current[(target.IndicatorId, target.UnitId, year - 1)].FirstOrDefault(v => v.PeriodTo == latest.PeriodTo);
            var standing = IndicatorFigures.Of(indicator, target, latest, year, latest?.PeriodTo ?? 0, lastYear?.Yoy);
            changed += Apply(item, indicator, target, standing, latest is null ? null : latest.PeriodTo) ? 1 : 0;
        }

        await db.SaveChangesAsync(ct);
        var ledgerIds = items.Values.Select(w => w.LedgerId).Distinct().ToList();
        foreach (var ledgerId in ledgerIds)
        {
            await lights.RunForLedgerAsync(regionId, ledgerId, ct);
        }

        return changed;
    }

    /// <summary>Writes a standing's facts on the target's item; true when any changed.</summary>
    public static bool Apply(WorkItem item, Indicator indicator, IndicatorTarget target, IndicatorStanding standing, int? latestPeriod)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(standing);
        var gap = standing.GapTenths;
        var growthShort = standing.GrowthGapTenths;
        var growth = indicator.Direction == IndicatorDirection.HigherIsBetter ? standing.YoyTenths : null;
        var next = IndicatorFigures.NextPeriod(indicator, target.Year, latestPeriod);
        var percent = standing.Completion is { } c ? (int)decimal.Clamp(decimal.Floor(c), 0, 100) : (int?)null;
        var changed = item.IndicatorGap != gap || item.IndicatorGrowthShort != growthShort || item.IndicatorGrowth != growth
            || item.IndicatorNextPeriod != next || item.Percent != percent || item.TargetValue != target.Value;
        item.IndicatorGap = gap;
        item.IndicatorGrowthShort = growthShort;
        item.IndicatorGrowth = growth;
        item.IndicatorNextPeriod = next;
        item.Percent = percent;
        item.TargetValue = target.Value;
        item.TargetUnit = target.Value is null ? null : indicator.Measure;
        return changed;
    }
}
