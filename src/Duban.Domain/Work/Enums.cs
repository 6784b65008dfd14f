namespace Duban.Domain.Work;

/// <summary>What a work item is. Tasks, key projects and problems share one chain of responsibility,
/// one light engine and one close-out; the kind decides only what extra detail they carry.</summary>
public enum WorkItemKind
{
    Task = 0,
    KeyProject = 1,
    Problem = 2,

    /// <summary>An economic indicator's target for the region or one unit, lit from the bureau's figures.</summary>
    Indicator = 3,

    /// <summary>An investment lead (招商线索), followed by a unit until it lands as a key project or is terminated.</summary>
    Lead = 4,
}

public enum WorkItemStatus
{
    NotStarted = 0,
    InProgress = 1,
    Paused = 2,
    CloseOutPending = 3,
    Closed = 4,
}

public enum Light
{
    Grey = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
    Done = 4,
}

/// <summary>Why a light is what it is; rendered in words from resources ("LightReason.X").</summary>
public enum LightReason
{
    OnTrack = 0,
    Closed = 1,
    Paused = 2,
    NotStarted = 3,
    Exempted = 4,
    MilestoneOverdue = 5,
    DeadlineOverdue = 6,
    MilestoneDueSoon = 7,
    DeadlineDueSoon = 8,
    Lagging = 9,
    ReportsMissing = 10,
    StartOverdue = 11,
    StartOverdueLong = 12,
    InvestmentBehind = 13,
    InvestmentFarBehind = 14,
    ProblemOverdue = 15,
    IndicatorFarBehind = 16,
    IndicatorShrinking = 17,
    IndicatorBehind = 18,
    IndicatorGrowthShort = 19,
    IndicatorNoValue = 20,
    LeadStaleLong = 21,
    LeadUnlandedLong = 22,
    LeadStale = 23,
    LeadNextStepOverdue = 24,
    LeadUnlanded = 25,
}

public enum SourceKind
{
    Meeting = 0,
    Speech = 1,
    Instruction = 2,
    Document = 3,
    Other = 4,
}

/// <summary>What blocks a project's work, and the category of a firm's need (the same list: 用地, 资金, 审批, …).</summary>
public enum ProblemCause
{
    Land = 0,
    Funds = 1,
    Approvals = 2,
    Policy = 3,
    Coordination = 4,
    Other = 5,
    Labour = 6,
    Infrastructure = 7,
    Market = 8,
    Innovation = 9,
}

/// <summary>The causes in the order a form lists them: 其他 last, whatever its number.</summary>
public static class ProblemCauses
{
    public static readonly IReadOnlyList<ProblemCause> InOrder = Enum.GetValues<ProblemCause>().OrderBy(c => c == ProblemCause.Other).ThenBy(c => c).ToArray();
}

public enum ReviewKind
{
    CloseOut = 0,
    Extension = 1,
    Adjustment = 2,
}

public enum ReviewStatus
{
    Pending = 0,
    Approved = 1,
    Returned = 2,
}
