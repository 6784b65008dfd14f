using Duban.Domain.Work;

namespace Duban.Domain.Promotion;

/// <summary>
/// A firm in the region's register (企业库): its key firms, and any firm that raises a need. Firms are not
/// confidential the way leads are; their needs are work items and scoped like every other.
/// </summary>
public sealed class Firm : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string Name { get; set; }

    /// <summary>统一社会信用代码 (18 characters), unique in the region when given.</summary>
    public string? CreditCode { get; set; }

    public string? Industry { get; set; }
    public int? IndustryNodeId { get; set; }

    /// <summary>The town (a unit) where it sits.</summary>
    public int? TownUnitId { get; set; }

    /// <summary>重点企业: on the region's list of key firms.</summary>
    public bool IsKey { get; set; }

    /// <summary>The steward (项目管家 / 助企专员) who serves it.</summary>
    public int? StewardId { get; set; }

    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? Address { get; set; }
    public DateOnly RegisteredOn { get; set; }
}

/// <summary>Where a firm's need reached the region: a 助企日 visit, its steward, the 12345 hotline, the service platform.</summary>
public enum NeedSource
{
    Visit = 0,
    Steward = 1,
    Hotline = 2,
    Platform = 3,
    Other = 4,
}

/// <summary>满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    Satisfied = 0,
    Basic = 1,
    Unsatisfied = 2,
}

/// <summary>
/// A firm's need (企业诉求): the firm-specific half of a <see cref="WorkItem"/> of kind
/// <see cref="WorkItemKind.Problem"/>, which carries its category (the problem's cause), the unit it is
/// assigned to, its deadline, light, answers (progress reports) and close-out. This class adds satisfaction:
/// the firm rates each answer; 不满意 re-opens the need for another round with a new deadline, and the office
/// closes it out only after a 满意 or 基本满意 rating of the latest answer.
/// </summary>
public sealed class FirmNeed : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public int FirmId { get; set; }
    public NeedSource Source { get; set; }

    /// <summary>When the current round began (registration, or the latest re-opening); an answer counts after it.</summary>
    public DateTime OpenedAt { get; private set; }

    /// <summary>1 for the first round, one more for each re-opening after 不满意.</summary>
    public int Round { get; private set; } = 1;

    /// <summary>The rating of the current round's answer; null until the firm has rated it.</summary>
    public Satisfaction? Satisfaction { get; private set; }

    public DateOnly? RatedOn { get; private set; }

    /// <summary>The latest rating of any round, kept through re-opening: the 满意率 reads it.</summary>
    public Satisfaction? LastRating { get; private set; }

    /// <summary>Starts the first round at registration.</summary>
    public void Open(DateTime at) => OpenedAt = at;

    /// <summary>Whether the unit has answered in the current round (a report after it opened).</summary>
    public bool IsAnswered(DateTime? lastReportAt) => AnsweredSince(OpenedAt, lastReportAt);

    /// <summary>Whether a report came after the round opened.</summary>
    public static bool AnsweredSince(DateTime openedAt, DateTime? lastReportAt) => lastReportAt is { } at && at > openedAt;

    /// <summary>Whether the office may close it out: the current round's answer was rated 满意 or 基本满意.</summary>
    public bool MayClose => Satisfaction is Promotion.Satisfaction.Satisfied or Promotion.Satisfaction.Basic;

    /// <summary>
    /// Records the firm's rating of the current round's answer. 不满意 re-opens the need at once: a new round
    /// with a later deadline, back with the unit. A rating comes after an answer, once per round.
    /// </summary>
    public Refusal? Rate(WorkItem item, Satisfaction rating, DateOnly? newDeadline, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status == WorkItemStatus.Closed)
        {
            return Refusal.Closed;
        }

        if (!Enum.IsDefined(rating))
        {
            return Refusal.Invalid;
        }

        if (!IsAnswered(item.LastReportAt))
        {
            return Refusal.NotAnswered;
        }

        if (Satisfaction is not null)
        {
            return Refusal.AlreadyRated;
        }

        if (rating == Promotion.Satisfaction.Unsatisfied)
        {
            if (newDeadline is not { } due)
            {
                return Refusal.NoDeadline;
            }

            if (due < today)
            {
                return Refusal.DateInPast;
            }

            item.Reopen(due);
            Round++;
            OpenedAt = now;
            Satisfaction = null;
            LastRating = rating;
            RatedOn = today;
            return null;
        }

        Satisfaction = rating;
        LastRating = rating;
        RatedOn = today;
        return null;
    }

    /// <summary>The office closes the need out (销号) once its latest answer was rated 满意 or 基本满意.</summary>
    public Refusal? Close(WorkItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status == WorkItemStatus.Closed)
        {
            return Refusal.Closed;
        }

        if (!MayClose)
        {
            return Refusal.NotSatisfied;
        }

        item.Close(today);
        return null;
    }
}

/// <summary>One rating of one round's answer, kept for the firm's page and the 满意率 (the need keeps only the latest).</summary>
public sealed class NeedRating : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int FirmNeedId { get; set; }
    public int Round { get; set; }
    public Satisfaction Satisfaction { get; set; }
    public string? Comment { get; set; }
    public DateOnly RatedOn { get; set; }
    public DateTime RatedAt { get; set; }
    public required string RatedByName { get; set; }
}

/// <summary>A category's needs: how many, closed, rated, and rated 满意 or 基本满意 at the last rating.</summary>
public sealed record NeedCategoryFigure(ProblemCause Category, int Total, int Closed, int Rated, int Satisfied)
{
    /// <summary>办结率: closed out of all, in whole percent; null when there are none.</summary>
    public int? ClosedRate => Rate(Closed, Total);

    /// <summary>满意率: rated 满意 or 基本满意 out of those rated, in whole percent; null when none is rated.</summary>
    public int? SatisfiedRate => Rate(Satisfied, Rated);

    public static int? Rate(int part, int whole) => whole == 0 ? null : (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);
}
