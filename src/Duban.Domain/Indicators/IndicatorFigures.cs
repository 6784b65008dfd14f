namespace Duban.Domain.Indicators;

/// <summary>
/// Where an indicator stands for one period: the figure and growth as published, the target, and what follows
/// from them — completion of the annual target, time progress (months gone ÷ 12, or the office's node targets),
/// the gap in percentage points (positive: behind), growth against the target growth (positive: short of it),
/// and the two-year average growth when last year's growth for the same period is known. Percentages to one
/// decimal; null wherever a figure means nothing (no value, no target, a zero or negative base).
/// </summary>
public sealed record IndicatorStanding(
    int Year,
    int PeriodFrom,
    int PeriodTo,
    decimal? Value,
    decimal? Yoy,
    Revision? Revision,
    decimal? Target,
    decimal? TargetGrowth,
    decimal? Completion,
    decimal? TimeProgress,
    decimal? Gap,
    decimal? GrowthGap,
    decimal? TwoYearGrowth)
{
    /// <summary>The facts the light rules read, in tenths of a point so that the database compares integers.</summary>
    public int? GapTenths => Tenths(Gap);

    public int? GrowthGapTenths => Tenths(GrowthGap);

    public int? YoyTenths => Tenths(Yoy);

    private static int? Tenths(decimal? points) => points is { } p ? (int)decimal.Clamp(decimal.Round(p * 10m, MidpointRounding.AwayFromZero), -1_000_000_000, 1_000_000_000) : null;
}

public static class IndicatorFigures
{
    /// <summary>The standing of one period's figure against the year's target.</summary>
    public static IndicatorStanding Of(Indicator indicator, IndicatorTarget? target, IndicatorValue? value, int year, int periodTo, decimal? lastYearYoy = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var higher = indicator.Direction == IndicatorDirection.HigherIsBetter;
        decimal? completion = value?.Value is { } v && target?.Value is > 0 && indicator.Kind != IndicatorKind.PointInTime
            ? Round(v * 100m / target.Value.Value)
            : null;
        decimal? time = indicator.Kind == IndicatorKind.PointInTime ? null : TimeProgress(periodTo, target);
        var gap = completion is { } c && time is { } t ? (higher ? t - c : c - t) : (decimal?)null;
        var growthGap = value?.Yoy is { } y && target?.Growth is { } g ? (higher ? g - y : y - g) : (decimal?)null;
        return new IndicatorStanding(year, value?.PeriodFrom ?? 1, periodTo, value?.Value, value?.Yoy, value?.Revision,
            target?.Value, target?.Growth, completion, time, gap, growthGap, TwoYearAverage(value?.Yoy, lastYearYoy));
    }

    /// <summary>
    /// The share of the annual target due by the end of a month (时序进度): months gone ÷ 12, the practice in
    /// every published example, or a line through the office's node targets (end of June, end of September).
    /// </summary>
    public static decimal TimeProgress(int periodTo, IndicatorTarget? target = null)
    {
        var month = Math.Clamp(periodTo, 0, 12);
        var nodes = new List<(int Month, decimal Percent)> { (0, 0) };
        if (target?.HalfYearPercent is { } h)
        {
            nodes.Add((6, h));
        }

        if (target?.ThreeQuartersPercent is { } q)
        {
            nodes.Add((9, q));
        }

        nodes.Add((12, 100));
        for (var i = 1; i < nodes.Count; i++)
        {
            if (month <= nodes[i].Month)
            {
                var (m0, p0) = nodes[i - 1];
                var (m1, p1) = nodes[i];
                return Round(p0 + ((p1 - p0) * (month - m0) / (m1 - m0)));
            }
        }

        return 100;
    }

    /// <summary>Two-year average growth (两年平均增长): the geometric mean of this year's and last year's growth, in percent.</summary>
    public static decimal? TwoYearAverage(decimal? thisYear, decimal? lastYear)
    {
        if (thisYear is not { } a || lastYear is not { } b)
        {
            return null;
        }

        var product = (1 + ((double)a / 100)) * (1 + ((double)b / 100));
        return product <= 0 ? null : Round((decimal)((Math.Sqrt(product) - 1) * 100));
    }

    /// <summary>
    /// Places among peers by a score (growth, or completion), best first in the indicator's direction; equal
    /// scores share a place and the next place is skipped (1, 2, 2, 4). Peers without a score get no place.
    /// </summary>
    public static Dictionary<TKey, int> Rank<TKey>(IEnumerable<(TKey Key, decimal? Score)> peers, IndicatorDirection direction)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(peers);
        var scored = peers.Where(p => p.Score is not null).Select(p => (p.Key, Score: p.Score!.Value)).ToList();
        var ordered = direction == IndicatorDirection.HigherIsBetter ? scored.OrderByDescending(p => p.Score).ToList() : scored.OrderBy(p => p.Score).ToList();
        var ranks = new Dictionary<TKey, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Key] = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranks[ordered[i - 1].Key] : i + 1;
        }

        return ranks;
    }

    /// <summary>
    /// The period whose figure is expected next, as a month index (year × 12 + month − 1): the one after the
    /// latest published, or the year's first period (1-2月 where January is not published alone).
    /// </summary>
    public static int NextPeriod(Indicator indicator, int year, int? latestPeriodTo)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var periods = indicator.PeriodsOfYear().ToList();
        var next = latestPeriodTo is { } latest ? periods.FirstOrDefault(m => m > latest) : periods[0];
        return next == 0 ? ((year + 1) * 12) + periods[0] - 1 : (year * 12) + next - 1;
    }

    /// <summary>
    /// The latest period whose figure should be out by <paramref name="today"/>, as a month index: a month's
    /// figures are due by the bureau's day of the month after it.
    /// </summary>
    public static int PublishedThrough(DateOnly today, int dueDay) =>
        (today.Year * 12) + today.Month - 1 - (today.Day >= Math.Clamp(dueDay, 1, 28) ? 1 : 2);

    /// <summary>Picks the figure to use among revisions: the latest revision, then the latest recorded.</summary>
    public static IndicatorValue? Current(IEnumerable<IndicatorValue> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        return revisions.OrderByDescending(v => v.Revision).ThenByDescending(v => v.RecordedAt).ThenByDescending(v => v.Id).FirstOrDefault();
    }

    private static decimal Round(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero);
}
