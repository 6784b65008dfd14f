namespace Duban.Domain.Work;

/// <summary>A dated step of a work item (时间节点), e.g. "6月底前完成土地征收".</summary>
public sealed class Milestone : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public required string Name { get; set; }
    public DateOnly Due { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int SortOrder { get; set; }

    public bool IsOpen => DoneOn is null;
}

/// <summary>One unit's report on one work item for one period (进度填报).</summary>
public sealed class ProgressReport : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }

    /// <summary>The due instant (UTC) this report answers; null for an item without a cadence.</summary>
    public DateTime? PeriodDueAt { get; set; }

    public DateTime SubmittedAt { get; set; }
    public int? SubmittedById { get; set; }
    public required string SubmittedByName { get; set; }
    public required string Done { get; set; }
    public int? Percent { get; set; }
    public string? Problems { get; set; }
    public ProblemCause? ProblemCause { get; set; }
    public string? NextSteps { get; set; }
    public bool IsLate { get; set; }
}

/// <summary>A change kept as history: a light changed, and why. Rankings and trends read these.</summary>
public sealed class LightChange : IRegionOwned
{
    public long Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public DateTime At { get; set; }
    public Light From { get; set; }
    public Light To { get; set; }
    public LightReason Reason { get; set; }
}

/// <summary>
/// A request that the office must review: close-out (销号), extension (申请延期) or adjustment (申请调整/说明).
/// The unit applies; the office approves or returns it with a reason.
/// </summary>
public sealed class Review : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public ReviewKind Kind { get; set; }
    public ReviewStatus Status { get; set; }
    public required string Statement { get; set; }
    public DateOnly? ProposedDeadline { get; set; }
    public DateTime RequestedAt { get; set; }
    public int? RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public int? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public string? ReviewNote { get; set; }
}
