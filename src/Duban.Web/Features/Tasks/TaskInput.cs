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

    /// <summary>
    /// A new report starts from the last one: the percent, the open problem and the next steps usually carry
    /// over and are edited, not typed again. What was done is this period's own, so it starts empty.
    /// </summary>
    public static ReportInput FollowingOn(ReportDto? last) => last is null ? new() : new()
    {
        Percent = last.Percent,
        Problems = last.Problems,
        ProblemCause = last.ProblemCause,
        NextSteps = last.NextSteps,
    };
}

/// <summary>A progress report sent as multipart/form-data: the fields of <see cref="ReportInput"/> and "files".</summary>
public sealed record ReportForm
{
    public string? Done { get; init; }
    public int? Percent { get; init; }
    public string? Problems { get; init; }
    public ProblemCause? ProblemCause { get; init; }
    public string? NextSteps { get; init; }
    public IReadOnlyList<int>? CompletedMilestoneIds { get; init; }
    public IReadOnlyList<IFormFile>? Files { get; init; }

    /// <summary>Reads the text fields; on a value that is not a number or a known cause, names the field.</summary>
    public static bool TryRead(IFormCollection form, out ReportInput input, out string field)
    {
        ArgumentNullException.ThrowIfNull(form);
        input = new ReportInput();
        field = string.Empty;
        int? percent = null;
        if (!string.IsNullOrWhiteSpace(form["percent"]))
        {
            if (!int.TryParse(form["percent"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p))
            {
                field = "percent";
                return false;
            }

            percent = p;
        }

        ProblemCause? cause = null;
        if (!string.IsNullOrWhiteSpace(form["problemCause"]))
        {
            if (!Infrastructure.StrictEnumConverter.TryParseName<ProblemCause>(form["problemCause"], out var c))
            {
                field = "problemCause";
                return false;
            }

            cause = c;
        }

        var milestones = new List<int>();
        foreach (var value in form["completedMilestoneIds"])
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var m))
            {
                field = "completedMilestoneIds";
                return false;
            }

            milestones.Add(m);
        }

        input = new ReportInput
        {
            Done = form["done"],
            Percent = percent,
            Problems = form["problems"],
            ProblemCause = cause,
            NextSteps = form["nextSteps"],
            CompletedMilestoneIds = milestones,
        };
        return true;
    }
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
