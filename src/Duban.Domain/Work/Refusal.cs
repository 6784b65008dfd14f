namespace Duban.Domain.Work;

/// <summary>A state rule said no. <see cref="Code"/> names a resource ("Refusal.X") that says why in words.</summary>
public sealed record Refusal(string Code)
{
    public static readonly Refusal Closed = new("Closed");
    public static readonly Refusal OpenMilestones = new("OpenMilestones");
    public static readonly Refusal OpenChildren = new("OpenChildren");
    public static readonly Refusal AlreadyPending = new("AlreadyPending");
    public static readonly Refusal NotPending = new("NotPending");
    public static readonly Refusal ReasonRequired = new("ReasonRequired");
    public static readonly Refusal StatementRequired = new("StatementRequired");
    public static readonly Refusal DeadlineNotLater = new("DeadlineNotLater");
    public static readonly Refusal NoDeadline = new("NoDeadline");
    public static readonly Refusal PercentRange = new("PercentRange");
    public static readonly Refusal DateInPast = new("DateInPast");
    public static readonly Refusal NotPaused = new("NotPaused");
    public static readonly Refusal UnknownStage = new("UnknownStage");
    public static readonly Refusal DateInFuture = new("DateInFuture");
    public static readonly Refusal StageOutOfOrder = new("StageOutOfOrder");
    public static readonly Refusal StageBeforePrevious = new("StageBeforePrevious");
    public static readonly Refusal StageAfterNext = new("StageAfterNext");
    public static readonly Refusal AlreadyWithdrawn = new("AlreadyWithdrawn");
    public static readonly Refusal NotWithdrawn = new("NotWithdrawn");
    public static readonly Refusal AlreadyIssued = new("AlreadyIssued");
    public static readonly Refusal NextStepBeforeContact = new("NextStepBeforeContact");
    public static readonly Refusal AgreementRequired = new("AgreementRequired");
    public static readonly Refusal NotSigned = new("NotSigned");
    public static readonly Refusal NotTerminated = new("NotTerminated");
    public static readonly Refusal LandThroughAction = new("LandThroughAction");
    public static readonly Refusal Invalid = new("Invalid");
    public static readonly Refusal NotAnswered = new("NotAnswered");
    public static readonly Refusal AlreadyRated = new("AlreadyRated");
    public static readonly Refusal NotSatisfied = new("NotSatisfied");
    public static readonly Refusal TripDates = new("TripDates");
}
