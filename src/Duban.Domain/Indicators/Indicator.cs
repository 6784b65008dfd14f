namespace Duban.Domain.Indicators;

/// <summary>Whether more is better (output, revenue) or less (energy per unit of output, unemployment).</summary>
public enum IndicatorDirection
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
}

/// <summary>How the bureau publishes it: cumulative from January (1-N月), a point in time, or cumulative by quarter (GDP, residents' income).</summary>
public enum IndicatorKind
{
    Cumulative = 0,
    PointInTime = 1,
    QuarterlyCumulative = 2,
}

/// <summary>快报 → 初步核算 → 核实: a later revision replaces an earlier one; all are kept.</summary>
public enum Revision
{
    Flash = 0,
    Preliminary = 1,
    Final = 2,
}

/// <summary>Where an indicator's figures come from: the bureau's tables, or a register Duban keeps itself.</summary>
public enum IndicatorFeed
{
    /// <summary>Entered or imported from the bureau's tables.</summary>
    Bureau = 0,

    /// <summary>Counted from the trip register (外出招商次数): each unit's target is its annual quota.</summary>
    Trips = 1,

    /// <summary>Summed from funds in place (到位资金, domestic, 万元), by the signed project's unit.</summary>
    FundsInPlace = 2,

    /// <summary>Summed from funds in place (foreign, 万美元).</summary>
    ForeignFundsInPlace = 3,
}

/// <summary>
/// An economic indicator (经济指标) of a region's catalogue: what it measures, how it is published and who
/// answers for it. Its targets, one per year for the region and for each unit it is decomposed to, are
/// each carried by a work item of kind <see cref="Work.WorkItemKind.Indicator"/>, so that an indicator is
/// lit, urged, noticed and reported on like any other answerable work.
/// </summary>
public sealed class Indicator : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string Name { get; set; }

    /// <summary>The unit of measure as the bureau writes it (亿元, 万元, 万美元, 元, %, 个).</summary>
    public string? Measure { get; set; }

    public IndicatorDirection Direction { get; set; }
    public IndicatorKind Kind { get; set; }

    /// <summary>The first period published in a year: 2 where January and February are published together (1-2月).</summary>
    public int FirstMonth { get; set; } = 1;

    /// <summary>False where the bureau publishes only the growth rate (规上工业增加值, 固定资产投资).</summary>
    public bool PublishesValue { get; set; } = true;

    /// <summary>The indicator this one is part of ("其中：税收收入" under 一般公共预算收入).</summary>
    public int? ParentId { get; set; }

    /// <summary>The unit whose figures these are (统计局, 财政局, 商务局).</summary>
    public int? SourceUnitId { get; set; }

    public int LeadUnitId { get; set; }
    public int? LeaderId { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Where its figures come from; a register-fed indicator takes no figures by hand or import.</summary>
    public IndicatorFeed Feed { get; set; }

    /// <summary>The months a value of this indicator can be published for, in order.</summary>
    public IEnumerable<int> PeriodsOfYear()
    {
        if (Kind == IndicatorKind.QuarterlyCumulative)
        {
            return [3, 6, 9, 12];
        }

        return Enumerable.Range(Math.Clamp(FirstMonth, 1, 12), 13 - Math.Clamp(FirstMonth, 1, 12));
    }
}

/// <summary>
/// A year's target of an indicator for the region (<see cref="UnitId"/> null) or for one unit it is decomposed
/// to: an absolute value, a growth rate, or both, and node targets where the office sets them instead of a
/// straight line (the share of the annual target due by the end of June and of September).
/// </summary>
public sealed class IndicatorTarget : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public int? UnitId { get; set; }
    public decimal? Value { get; set; }

    /// <summary>Target growth in percent (7.5 means 7.5 %).</summary>
    public decimal? Growth { get; set; }

    /// <summary>Percent of the annual target due by the end of June (上半年), or null for the straight line.</summary>
    public int? HalfYearPercent { get; set; }

    /// <summary>Percent of the annual target due by the end of September (前三季度), or null for the straight line.</summary>
    public int? ThreeQuartersPercent { get; set; }

    /// <summary>The work item that carries this target's responsibility and light.</summary>
    public int WorkItemId { get; set; }
}

/// <summary>
/// A figure as the bureau reported it, for one period (1-N月) of a year, for the region, one of its units, or a
/// peer outside it (a neighbouring county, by name). Growth is stored as published — at comparable prices, over
/// a changing set of firms — and never recomputed from the totals.
/// </summary>
public sealed class IndicatorValue : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public int PeriodFrom { get; set; } = 1;
    public int PeriodTo { get; set; }

    /// <summary>The unit the figure is about; null for the region itself or a peer.</summary>
    public int? UnitId { get; set; }

    /// <summary>A peer that is not a unit of the region (兄弟县区), by name; null otherwise.</summary>
    public string? PeerName { get; set; }

    /// <summary>Null where only growth is published.</summary>
    public decimal? Value { get; set; }

    /// <summary>Year-on-year growth in percent, as published.</summary>
    public decimal? Yoy { get; set; }

    /// <summary>The place the bureau gave it, where the table carries one.</summary>
    public int? Rank { get; set; }

    public Revision Revision { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>Where the figure came from: the file imported, or who entered it.</summary>
    public string? Source { get; set; }
}
