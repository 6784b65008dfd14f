using Duban.Domain.Work;

namespace Duban.Domain.Promotion;

/// <summary>
/// A unit's trip to attract investment (外出招商): who led it, when, where, whom they met and what came of it.
/// Trips count against the unit's annual quota, which is the unit's target of the indicator the region feeds
/// from the trip register (<see cref="Indicators.IndicatorFeed.Trips"/>), so the quota is lit against time
/// progress by the same rules as every indicator.
/// </summary>
public sealed class Trip : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int UnitId { get; set; }

    /// <summary>The unit's tree path, kept here so the scope filter needs no join.</summary>
    public string UnitPath { get; set; } = "/";

    /// <summary>The leader who led it, by name as the register writes it (a person of the region where one matches).</summary>
    public required string LeaderName { get; set; }

    public int? LeaderId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>The register gave only a month or a span ("3月上旬"): the dates are the best reading, flagged.</summary>
    public bool DatesApproximate { get; set; }

    public required string Places { get; set; }
    public int FirmsMet { get; set; }
    public int LeadsFormed { get; set; }

    /// <summary>The firms met, as written.</summary>
    public string? FirmNames { get; set; }

    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }

    /// <summary>Dates in order and within a year of each other; counts not negative.</summary>
    public static Refusal? Check(DateOnly start, DateOnly end, int firmsMet, int leadsFormed, DateOnly today)
    {
        if (end < start || end.DayNumber - start.DayNumber > 366)
        {
            return Refusal.TripDates;
        }

        if (start > today)
        {
            return Refusal.DateInFuture;
        }

        return firmsMet < 0 || leadsFormed < 0 || leadsFormed > 1000 || firmsMet > 1000 ? Refusal.Invalid : null;
    }
}

/// <summary>
/// Funds actually arrived (到位资金) in one month for one signed project — a key project, or a lead at 已签约
/// or later — domestic in 万元 and foreign in 万美元. They sum, by the project's unit, into the indicators the
/// region feeds from them (<see cref="Indicators.IndicatorFeed.FundsInPlace"/>).
/// </summary>
public sealed class FundsArrival : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }

    /// <summary>万元.</summary>
    public decimal Domestic { get; set; }

    /// <summary>万美元.</summary>
    public decimal Foreign { get; set; }

    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}
