using Duban.Domain.Work;

namespace Duban.Domain.Promotion;

/// <summary>
/// 线索 → 意向 → 在谈 → 已签约 → 已注册 → 已落地 (开工), or 终止. The numbers are stored and read from ledgers; keep them.
/// </summary>
public enum LeadStage
{
    Clue = 0,
    Intent = 1,
    Negotiating = 2,
#pragma warning disable CA1720 // "Signed" is the glossary's word for 签约, not a type name.
    Signed = 3,
#pragma warning restore CA1720
    Registered = 4,
    Landed = 5,
    Terminated = 9,
}

/// <summary>How the lead was found (项目来源 / 招商方式).</summary>
public enum LeadSource
{
    /// <summary>以商招商: a firm already here brings another.</summary>
    ThroughFirms = 0,

    /// <summary>驻点招商: an office kept in another city.</summary>
    Resident = 1,

    /// <summary>产业链招商: filling a link of the region's industry chain.</summary>
    IndustryChain = 2,

    /// <summary>展会: a fair or investment conference.</summary>
    Fair = 3,

    /// <summary>网络招商: online.</summary>
    Online = 4,

    /// <summary>外出招商: found on a trip.</summary>
    Trip = 5,

    /// <summary>以情招商: through people from the region working elsewhere.</summary>
    Kinship = 6,

    Other = 7,
}

/// <summary>
/// A lead (招商线索 / 在谈项目): the promotion-specific half of a <see cref="WorkItem"/> of kind
/// <see cref="WorkItemKind.Lead"/>, which carries its responsibility (the following unit as lead unit, the
/// attached leader, the person following it as liaison), light, urging and notices. This class owns the stage
/// rules: stages move forward one or more at a time, never back except by the office's restore of a
/// terminated lead; signing needs the agreement's amount and date; termination needs a reason; landing
/// happens once, when the lead becomes a key project.
/// </summary>
public sealed class Lead : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }

    /// <summary>投资方: confidential, like the terms.</summary>
    public required string Investor { get; set; }

    /// <summary>投资方所在地.</summary>
    public string? InvestorOrigin { get; set; }

    /// <summary>The node of the region's industry chain it belongs to, when the office keeps one.</summary>
    public int? IndustryNodeId { get; set; }

    /// <summary>The industry in words (产业类别), as entered or imported.</summary>
    public string? Industry { get; set; }

    public LeadSource Source { get; set; }

    /// <summary>The source in the office's words when it is none of the usual ones.</summary>
    public string? SourceText { get; set; }

    /// <summary>Planned investment in 万元.</summary>
    public decimal? PlannedInvestment { get; set; }

    public LeadStage Stage { get; private set; } = LeadStage.Clue;

    /// <summary>The furthest stage of the funnel it reached (a terminated lead keeps it), for the funnel's counts.</summary>
    public LeadStage HighestStage { get; private set; } = LeadStage.Clue;

    /// <summary>The day the current stage was reached (or the lead registered).</summary>
    public DateOnly StageSince { get; private set; }

    /// <summary>The stage before termination, to restore it to.</summary>
    public LeadStage? StageBeforeTermination { get; private set; }

    public DateOnly? FirstContactOn { get; private set; }
    public DateOnly? LastContactOn { get; private set; }

    /// <summary>下步打算 and its date, from the latest contact that set one.</summary>
    public string? NextStep { get; private set; }

    public DateOnly? NextStepDue { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    /// <summary>The agreement's amount in 万元 (协议投资额).</summary>
    public decimal? SignedAmount { get; private set; }

    public DateOnly? RegisteredOn { get; private set; }
    public DateOnly? LandedOn { get; private set; }
    public DateOnly? TerminatedOn { get; private set; }
    public string? TerminationReason { get; private set; }

    /// <summary>The key project's work item it became on landing.</summary>
    public int? ProjectWorkItemId { get; private set; }

    /// <summary>A new lead: registered on a day, at a stage short of landing.</summary>
    public void Start(DateOnly registeredOn, LeadStage stage = LeadStage.Clue)
    {
        StageSince = registeredOn;
        Stage = stage is LeadStage.Landed or LeadStage.Terminated or LeadStage.Signed or LeadStage.Registered ? LeadStage.Clue : stage;
        HighestStage = Stage;
    }

    public bool IsOpen => Stage is not (LeadStage.Landed or LeadStage.Terminated);

    /// <summary>Signed or registered and not yet landed (签而未落).</summary>
    public bool IsSignedNotLanded => Stage is LeadStage.Signed or LeadStage.Registered;

    /// <summary>
    /// Records a contact: the first and latest contact days move to cover it; a contact that sets a next step
    /// replaces the next step unless an even later contact already set one.
    /// </summary>
    public Refusal? Contacted(DateOnly on, string? nextStep, DateOnly? nextStepDue, DateOnly today)
    {
        if (on > today)
        {
            return Refusal.DateInFuture;
        }

        if (nextStepDue < on)
        {
            return Refusal.NextStepBeforeContact;
        }

        var latest = LastContactOn is null || on >= LastContactOn;
        FirstContactOn = FirstContactOn is null || on < FirstContactOn ? on : FirstContactOn;
        LastContactOn = latest ? on : LastContactOn;
        if (latest && (!string.IsNullOrWhiteSpace(nextStep) || nextStepDue is not null))
        {
            NextStep = string.IsNullOrWhiteSpace(nextStep) ? null : nextStep.Trim();
            NextStepDue = nextStepDue;
        }

        return null;
    }

    /// <summary>Contact days from a ledger that lists only the first and latest contact.</summary>
    public void ContactedBetween(DateOnly? first, DateOnly? last)
    {
        if (first is { } f && (FirstContactOn is null || f < FirstContactOn))
        {
            FirstContactOn = f;
        }

        if (last is { } l && (LastContactOn is null || l > LastContactOn))
        {
            LastContactOn = l;
        }
    }

    /// <summary>
    /// Moves the lead forward to a stage before landing: never back, never into the future, never before the
    /// current stage began; 已签约 needs the agreement (amount and date). Landing goes through <see cref="Land"/>.
    /// </summary>
    public Refusal? Advance(LeadStage stage, DateOnly on, DateOnly today, decimal? signedAmount = null)
    {
        if (!Enum.IsDefined(stage) || stage is LeadStage.Landed or LeadStage.Terminated)
        {
            return Refusal.UnknownStage;
        }

        if (!IsOpen)
        {
            return Refusal.Closed;
        }

        if (stage <= Stage)
        {
            return Refusal.StageOutOfOrder;
        }

        if (on > today)
        {
            return Refusal.DateInFuture;
        }

        if (on < StageSince)
        {
            return Refusal.StageBeforePrevious;
        }

        if (stage >= LeadStage.Signed && SignedOn is null)
        {
            if (signedAmount is not > 0)
            {
                return Refusal.AgreementRequired;
            }

            SignedOn = on;
            SignedAmount = signedAmount;
        }

        if (stage == LeadStage.Registered)
        {
            RegisteredOn = on;
        }

        Stage = stage;
        HighestStage = stage;
        StageSince = on;
        return null;
    }

    /// <summary>落地: the lead becomes the key project <paramref name="projectWorkItemId"/>; only once, only when signed.</summary>
    public Refusal? Land(DateOnly on, int projectWorkItemId, DateOnly today)
    {
        if (!IsOpen)
        {
            return Refusal.Closed;
        }

        if (SignedOn is null)
        {
            return Refusal.NotSigned;
        }

        if (on > today)
        {
            return Refusal.DateInFuture;
        }

        if (on < StageSince)
        {
            return Refusal.StageBeforePrevious;
        }

        RegisteredOn ??= on;
        LandedOn = on;
        Stage = LeadStage.Landed;
        HighestStage = LeadStage.Landed;
        StageSince = on;
        ProjectWorkItemId = projectWorkItemId;
        return null;
    }

    /// <summary>终止, with the reason the office will read.</summary>
    public Refusal? Terminate(string reason, DateOnly on, DateOnly today)
    {
        if (!IsOpen)
        {
            return Refusal.Closed;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.ReasonRequired;
        }

        if (on > today)
        {
            return Refusal.DateInFuture;
        }

        StageBeforeTermination = Stage;
        Stage = LeadStage.Terminated;
        StageSince = on < StageSince ? StageSince : on;
        TerminatedOn = on;
        TerminationReason = reason.Trim();
        return null;
    }

    /// <summary>The office takes a terminated lead up again, at the stage it had.</summary>
    public Refusal? Restore(DateOnly today)
    {
        if (Stage != LeadStage.Terminated)
        {
            return Refusal.NotTerminated;
        }

        Stage = StageBeforeTermination ?? LeadStage.Clue;
        StageBeforeTermination = null;
        StageSince = today;
        TerminatedOn = null;
        TerminationReason = null;
        return null;
    }

    /// <summary>
    /// A ledger row says where the lead stands; the dates it does not give are the ledger's date. A row may move
    /// a lead on or terminate it; it never moves one back (a stale row is reported, not applied).
    /// </summary>
    public Refusal? TakeFromLedger(LeadStage stage, DateOnly asOf, decimal? amount, string? terminationReason, DateOnly today)
    {
        if (stage == Stage)
        {
            return null;
        }

        if (stage == LeadStage.Terminated)
        {
            return Terminate(string.IsNullOrWhiteSpace(terminationReason) ? "—" : terminationReason, asOf > today ? today : asOf, today);
        }

        if (stage == LeadStage.Landed)
        {
            return Refusal.LandThroughAction;
        }

        var on = asOf > today ? today : asOf;
        on = on < StageSince ? StageSince : on;
        return Advance(stage, on, today, amount ?? PlannedInvestment);
    }
}

/// <summary>One meeting, call or visit with the investor (对接 / 洽谈记录).</summary>
public sealed class LeadContact : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int LeadId { get; set; }
    public DateOnly On { get; set; }
    public LeadContactKind Kind { get; set; }

    /// <summary>Who took part, on both sides.</summary>
    public required string People { get; set; }

    /// <summary>What was discussed and agreed.</summary>
    public required string Agreed { get; set; }

    public string? NextStep { get; set; }
    public DateOnly? NextStepDue { get; set; }
    public int? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum LeadContactKind
{
    /// <summary>We went to them (外出拜访).</summary>
    Visit = 0,

    /// <summary>They came here (来访考察).</summary>
    Received = 1,

    /// <summary>A meeting or signing talk (洽谈会).</summary>
    Meeting = 2,

    /// <summary>Phone or video call.</summary>
    Call = 3,
}

/// <summary>
/// A stage the lead stood at, from the day it reached it to the day it left it (null while it is still there):
/// the time spent in a stage is <c>(LeftDay ?? today) − OnDay</c> days, summed by the database for the board.
/// </summary>
public sealed class LeadStageChange : IRegionOwned
{
    public long Id { get; set; }
    public int RegionId { get; set; }
    public int LeadId { get; set; }
    public LeadStage Stage { get; set; }
    public int OnDay { get; set; }
    public int? LeftDay { get; set; }

    /// <summary>The lead's stage changed on <paramref name="on"/>: the open row (if any) is left, and the new stage's row begins.</summary>
    public static LeadStageChange Next(LeadStageChange? open, Lead lead, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (open is not null)
        {
            open.LeftDay = Math.Max(open.OnDay, on.DayNumber);
        }

        return new LeadStageChange { RegionId = lead.RegionId, LeadId = lead.Id, Stage = lead.Stage, OnDay = on.DayNumber, LeftDay = lead.IsOpen ? null : on.DayNumber };
    }
}

/// <summary>A node of the region's industry chain map (产业链图谱): a chain, its links, their sub-links.</summary>
public sealed class IndustryNode : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int? ParentId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
