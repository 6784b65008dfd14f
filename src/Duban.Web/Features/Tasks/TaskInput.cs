using Duban.Domain.Work;

namespace Duban.Web.Features.Tasks;

public sealed record MilestoneInput
{
    public int? Id { get; init; }
    public string? Name { get; init; }
    public DateOnly? Due { get; init; }
    public DateOnly? DoneOn { get; init; }
}

public sealed record TaskInput
{
    public int? LedgerId { get; init; }
    public int? ParentId { get; init; }
    public string? Number { get; init; }
    public string? Name { get; init; }
    public string? Content { get; init; }
    public SourceKind? SourceKind { get; init; }
    public string? SourceTitle { get; init; }
    public string? SourceDocNumber { get; init; }
    public DateOnly? SourceDate { get; init; }
    public decimal? TargetValue { get; init; }
    public string? TargetUnit { get; init; }
    public int? LeadUnitId { get; init; }
    public IReadOnlyList<int>? SupportingUnitIds { get; init; }
    public int? LeaderId { get; init; }
    public int? LiaisonId { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? Deadline { get; init; }

    /// <summary>"Within N workdays" of the start date, by the region's calendar; used when no deadline is given.</summary>
    public int? DeadlineInWorkdays { get; init; }

    public CadenceKind Cadence { get; init; } = CadenceKind.Weekly;
    public int? CadenceDay { get; init; }
    public int? CadenceHour { get; init; }
    public string? Tags { get; init; }
    public IReadOnlyList<MilestoneInput>? Milestones { get; init; }
}

public sealed record ReportInput
{
    public string? Done { get; init; }
    public int? Percent { get; init; }
    public string? Problems { get; init; }
    public ProblemCause? ProblemCause { get; init; }
    public string? NextSteps { get; init; }

    /// <summary>Milestones this report marks as done.</summary>
    public IReadOnlyList<int>? CompletedMilestoneIds { get; init; }
}

public sealed record RequestInput
{
    public ReviewKind Kind { get; init; }
    public string? Statement { get; init; }
    public DateOnly? ProposedDeadline { get; init; }
}

public sealed record DecisionInput
{
    public bool Approve { get; init; }
    public string? Note { get; init; }
}

public sealed record ExemptionInput
{
    public string? Reason { get; init; }
    public DateOnly? Until { get; init; }
}
