namespace Duban.Domain.Work;

/// <summary>
/// One assigned piece of work: a task (goal → task → sub-task), and later a key project or a problem.
/// It owns its state rules: close-out is refused while milestones or sub-items are open, a closed item
/// takes no reports, a review moves only from pending.
/// </summary>
public sealed class WorkItem : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int LedgerId { get; set; }
    public int? ParentId { get; set; }

    /// <summary>Materialised path of ids ("/12/40/") so a goal and everything below it is one prefix match.</summary>
    public string Path { get; private set; } = "/";

    /// <summary>The one place an item's path is made: its parent's path (or the root) and its own id.</summary>
    public static string PathOf(string? parentPath, int id) => (parentPath ?? "/") + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>Puts the item (once it has its id) under its parent, or at the top; true when the path changed.</summary>
    public bool PlaceUnder(WorkItem? parent) => PlaceUnder(parent?.Path);

    public bool PlaceUnder(string? parentPath)
    {
        var path = PathOf(parentPath, Id);
        if (Path == path)
        {
            return false;
        }

        Path = path;
        return true;
    }

    public WorkItemKind Kind { get; set; }

    /// <summary>The number the office gives it in the ledger ("1", "1.2", "三、(一)").</summary>
    public string? Number { get; set; }

    public required string Name { get; set; }

    /// <summary>What must be done (工作内容/目标要求).</summary>
    public string? Content { get; set; }

    public SourceKind? SourceKind { get; set; }
    public string? SourceTitle { get; set; }
    public string? SourceDocNumber { get; set; }
    public DateOnly? SourceDate { get; set; }

    public decimal? TargetValue { get; set; }
    public string? TargetUnit { get; set; }

    public int LeadUnitId { get; set; }

    /// <summary>The lead unit's tree path, kept here so the scope filter needs no join.</summary>
    public string LeadUnitPath { get; set; } = "/";

    public int? LeaderId { get; set; }
    public int? LiaisonId { get; set; }

    public DateOnly StartDate
    {
        get;
        set
        {
            field = value;
            StartDay = value.DayNumber;
        }
    }

    /// <summary>Null for ongoing work (常态化): it reports on a cadence but has no end.</summary>
    public DateOnly? Deadline
    {
        get;
        set
        {
            field = value;
            DeadlineDay = value?.DayNumber;
        }
    }

    // Day numbers of the two dates, so the database can do the time-progress arithmetic in integers on any provider.
    public int StartDay { get; private set; }

    public int? DeadlineDay { get; private set; }

    public CadenceKind CadenceKind { get; set; }
    public int CadenceDay { get; set; }
    public int CadenceHour { get; set; }

    /// <summary>Instant (UTC) by which the next report is due; earlier than now means it is missing.</summary>
    public DateTime? NextReportDueAt { get; set; }

    public string? Tags { get; set; }

    /// <summary>The ledger section it is listed under ("一、产业项目" → "产业项目"), as imported or entered.</summary>
    public string? Section { get; set; }

    /// <summary>For a problem (问题清单): what blocks the work.</summary>
    public ProblemCause? ProblemCause { get; set; }

    /// <summary>Changed only by the item's own transitions (<see cref="Begin"/>, <see cref="Request"/>, <see cref="Approve"/>, …); tests seed it directly.</summary>
    public WorkItemStatus Status { get; internal set; } = WorkItemStatus.InProgress;
    public int? Percent { get; set; }
    public DateTime? LastReportAt { get; set; }

    // Project facts the light reads (null or 0 for tasks): kept by the project's use cases, except the
    // count of overdue problems, which the recompute refreshes.
    public int? PlannedStartMonth { get; set; }
    public int? InvestmentYear { get; set; }
    public int? InvestmentPercent { get; set; }
    public int OverdueProblems { get; set; }

    // Indicator facts the light reads (null for other work), kept by the indicator's use cases from its latest
    // figure: points behind time progress and growth short of its target, both in tenths of a point, growth
    // itself in tenths, and the month index of the next period the bureau owes a figure for.
    public int? IndicatorGap { get; set; }
    public int? IndicatorGrowthShort { get; set; }
    public int? IndicatorGrowth { get; set; }
    public int? IndicatorNextPeriod { get; set; }

    // Lead facts the light reads (null for other work), kept by the lead's use cases: the day number of the
    // latest contact (or of registration, before any), the next step's date, and the day number it was signed
    // while it is signed and not yet landed.
    public int? LeadLastContactDay { get; set; }
    public DateOnly? LeadNextStepDue { get; set; }
    public int? LeadSignedDay { get; set; }

    /// <summary>A lead's status and light facts follow the lead: closed once landed or terminated.</summary>
    public void FollowLead(Promotion.Lead lead, DateOnly registeredOn)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.IsOpen)
        {
            Status = Status == WorkItemStatus.Closed ? WorkItemStatus.InProgress : Status;
            ClosedOn = null;
        }
        else
        {
            Status = WorkItemStatus.Closed;
            ClosedOn = lead.LandedOn ?? lead.TerminatedOn;
        }

        LeadLastContactDay = (lead.LastContactOn ?? registeredOn).DayNumber;
        LeadNextStepDue = lead.NextStepDue;
        LeadSignedDay = lead.IsSignedNotLanded ? lead.SignedOn?.DayNumber : null;
    }

    // Facts kept for the set-based light recompute (refreshed by it).
    public DateOnly? NextMilestoneDue { get; set; }
    public string? NextMilestoneName { get; set; }

    // The light is written by the recompute in the database and, for an item being created, by Show.
    public Light Light { get; internal set; } = Light.Grey;
    public LightReason LightReason { get; internal set; } = LightReason.NotStarted;
    public DateOnly? LightReasonDate { get; internal set; }
    public string? LightReasonText { get; internal set; }
    public int? LightReasonNumber { get; internal set; }
    public DateTime? LightSince { get; internal set; }

    /// <summary>The light before the latest recompute that rewrote the row; the recompute uses it to record what changed.</summary>
    public Light PreviousLight { get; internal set; } = Light.Grey;

    /// <summary>
    /// A new item starts as the rules say: not started before its start date, in progress from it. A key project
    /// then follows its stage (<see cref="FollowStage"/>).
    /// </summary>
    public void Begin(DateOnly today) => Status = StartDate > today ? WorkItemStatus.NotStarted : WorkItemStatus.InProgress;

    /// <summary>A key project's status follows its stage (not started before signing-off work begins, and so on).</summary>
    public void FollowStage(Projects.Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        Status = project.StatusFor(Status);
    }

    /// <summary>
    /// Shows a light computed by <see cref="LightRules.Evaluate"/>, as the recompute would write it: the colour
    /// before is kept, and "since" moves only when the colour changes (or the item was never lit).
    /// </summary>
    public void Show(LightResult lit, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(lit);
        LightSince = lit.Light != Light || LightSince is null ? utcNow : LightSince;
        PreviousLight = Light;
        Light = lit.Light;
        LightReason = lit.Reason;
        LightReasonDate = lit.ReasonDate;
        LightReasonText = lit.ReasonText;
        LightReasonNumber = lit.ReasonNumber;
    }

    public DateOnly? ExemptUntil { get; set; }
    public string? ExemptReason { get; set; }

    public DateOnly? ClosedOn { get; set; }
    public int ExtensionCount { get; set; }
    public int AdjustmentCount { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<Milestone> Milestones { get; set; } = [];

    public ReportingCadence Cadence => new(CadenceKind, CadenceDay, CadenceHour);

    /// <summary>Sets the cadence's kind, day and hour together.</summary>
    public void ReportOn(ReportingCadence cadence) => (CadenceKind, CadenceDay, CadenceHour) = (cadence.Kind, cadence.Day, cadence.Hour);

    public bool IsOngoing => Deadline is null;

    public LightFacts Facts() => new(Status, StartDate, Deadline, NextMilestoneDue, NextMilestoneName, Percent, Cadence, NextReportDueAt, ExemptUntil, PlannedStartMonth, InvestmentYear, InvestmentPercent, OverdueProblems,
        IndicatorGap, IndicatorGrowthShort, IndicatorGrowth, IndicatorNextPeriod, LeadLastContactDay, LeadNextStepDue, LeadSignedDay);

    /// <summary>Puts the first report due after now on the item, e.g. when it is created or its cadence changes.</summary>
    public void ScheduleReports(DateTime utcNow, TimeZoneInfo zone)
    {
        var localNow = ToLocal(utcNow, zone);
        var start = StartDate.ToDateTime(TimeOnly.MinValue);
        NextReportDueAt = ToUtc(Cadence.NextDueAfter(localNow > start ? localNow : start, StartDate), zone);
    }

    /// <summary>
    /// Takes a progress report. It answers the earliest outstanding due point: if that has passed, the
    /// report is late; either way the next due point moves one period on from the one answered.
    /// </summary>
    public Refusal? Accept(ProgressReport report, DateTime utcNow, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Status == WorkItemStatus.Closed)
        {
            return Refusal.Closed;
        }

        if (report.Percent is < 0 or > 100)
        {
            return Refusal.PercentRange;
        }

        if (NextReportDueAt is { } due)
        {
            report.PeriodDueAt = due;
            report.IsLate = utcNow > due;
            var answered = ToLocal(utcNow > due ? utcNow : due, zone);
            NextReportDueAt = ToUtc(Cadence.NextDueAfter(answered, StartDate), zone);
        }

        if (Status == WorkItemStatus.NotStarted)
        {
            Status = WorkItemStatus.InProgress;
        }

        Percent = report.Percent ?? Percent;
        LastReportAt = report.SubmittedAt;
        return null;
    }

    private static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static DateTime? ToUtc(DateTime? local, TimeZoneInfo zone) =>
        local is { } l ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), zone) : null;

    /// <summary>Opens a request for the office. Close-out needs every milestone done and every sub-item closed.</summary>
    public Refusal? Request(ReviewKind kind, string statement, DateOnly? proposedDeadline, int openChildren, bool hasPendingOfKind, DateOnly today)
    {
        if (Status == WorkItemStatus.Closed)
        {
            return Refusal.Closed;
        }

        if (string.IsNullOrWhiteSpace(statement))
        {
            return Refusal.StatementRequired;
        }

        if (hasPendingOfKind || (kind == ReviewKind.CloseOut && Status == WorkItemStatus.CloseOutPending))
        {
            return Refusal.AlreadyPending;
        }

        switch (kind)
        {
            case ReviewKind.CloseOut when Milestones.Any(m => m.IsOpen):
                return Refusal.OpenMilestones;
            case ReviewKind.CloseOut when openChildren > 0:
                return Refusal.OpenChildren;
            case ReviewKind.CloseOut:
                Status = WorkItemStatus.CloseOutPending;
                return null;
            case ReviewKind.Extension when Deadline is null:
                return Refusal.NoDeadline;
            case ReviewKind.Extension when proposedDeadline is null || proposedDeadline <= Deadline:
                return Refusal.DeadlineNotLater;
            case ReviewKind.Extension when proposedDeadline < today:
                return Refusal.DateInPast;
            case ReviewKind.Extension:
            case ReviewKind.Adjustment:
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The office approves: close-out closes the item; an extension moves the deadline; an adjustment is counted.</summary>
    public Refusal? Approve(Review review, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Status != ReviewStatus.Pending)
        {
            return Refusal.NotPending;
        }

        if (Status == WorkItemStatus.Closed)
        {
            return Refusal.Closed;
        }

        switch (review.Kind)
        {
            case ReviewKind.CloseOut:
                if (Milestones.Any(m => m.IsOpen))
                {
                    return Refusal.OpenMilestones;
                }

                Close(today);
                break;
            case ReviewKind.Extension:
                Deadline = review.ProposedDeadline;
                ExtensionCount++;
                break;
            case ReviewKind.Adjustment:
                AdjustmentCount++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(review), review.Kind, null);
        }

        review.Status = ReviewStatus.Approved;
        return null;
    }

    /// <summary>Closes the item out; the light follows from the status at the next recompute, which keeps it in the history.</summary>
    internal void Close(DateOnly today)
    {
        Status = WorkItemStatus.Closed;
        ClosedOn = today;
        Percent = Percent is null ? null : 100;
        NextReportDueAt = null;
    }

    /// <summary>Sends open work back to its unit with a new deadline (a firm not satisfied with the answer).</summary>
    internal void Reopen(DateOnly deadline)
    {
        Status = WorkItemStatus.InProgress;
        Deadline = deadline;
    }

    /// <summary>The office sends the request back, with a reason the unit will read.</summary>
    public Refusal? Return(Review review, string reason)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Status != ReviewStatus.Pending)
        {
            return Refusal.NotPending;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.ReasonRequired;
        }

        if (review.Kind == ReviewKind.CloseOut && Status == WorkItemStatus.CloseOutPending)
        {
            Status = WorkItemStatus.InProgress;
        }

        review.Status = ReviewStatus.Returned;
        review.ReviewNote = reason.Trim();
        return null;
    }

    /// <summary>The office exempts an item from red and yellow until a date, for a stated reason (force majeure, a policy pause).</summary>
    public Refusal? Exempt(string reason, DateOnly until, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.ReasonRequired;
        }

        if (until < today)
        {
            return Refusal.DateInPast;
        }

        ExemptReason = reason.Trim();
        ExemptUntil = until;
        return null;
    }

    public Refusal? Pause()
    {
        if (Status == WorkItemStatus.Closed)
        {
            return Refusal.Closed;
        }

        Status = WorkItemStatus.Paused;
        return null;
    }

    public Refusal? Resume()
    {
        if (Status != WorkItemStatus.Paused)
        {
            return Refusal.NotPaused;
        }

        Status = WorkItemStatus.InProgress;
        return null;
    }
}
