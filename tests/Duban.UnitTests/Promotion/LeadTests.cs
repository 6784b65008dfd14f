using Duban.Domain.Promotion;
using Duban.Domain.Work;

namespace Duban.UnitTests.Promotion;

/// <summary>Leads at their edges: the stage rules, the stale and signed-not-landed lights on their days, the rates and time in stage.</summary>
public sealed class LeadTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static Lead NewLead(DateOnly registered, LeadStage stage = LeadStage.Clue)
    {
        var lead = new Lead { RegionId = 1, Investor = "某公司" };
        lead.Start(registered, stage);
        return lead;
    }

    private static LightResult Light(Lead lead, DateOnly registered, DateOnly today, LightSettings? settings = null)
    {
        var item = new WorkItem { Name = "线索", Kind = WorkItemKind.Lead, StartDate = registered };
        item.ReportOn(ReportingCadence.DefaultFor(WorkItemKind.Lead));
        item.Begin(today);
        item.FollowLead(lead, registered);
        var utc = today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        return LightRules.Evaluate(item.Facts(), LightMoment.For(utc, TimeZoneInfo.Utc, settings ?? LightSettings.Default, WorkdayCalendar.Plain));
    }

    [Fact]
    public void Stages_move_forward_only_never_into_the_future_nor_before_the_current_stage_began()
    {
        var lead = NewLead(new DateOnly(2026, 6, 1));
        Assert.Null(lead.Advance(LeadStage.Negotiating, new DateOnly(2026, 7, 1), Today)); // 意向 may be skipped
        Assert.Equal(LeadStage.Negotiating, lead.Stage);
        Assert.Equal(Refusal.StageOutOfOrder, lead.Advance(LeadStage.Intent, new DateOnly(2026, 8, 1), Today));
        Assert.Equal(Refusal.StageOutOfOrder, lead.Advance(LeadStage.Negotiating, new DateOnly(2026, 8, 1), Today));
        Assert.Equal(Refusal.DateInFuture, lead.Advance(LeadStage.Signed, Today.AddDays(1), Today, 100));
        Assert.Equal(Refusal.StageBeforePrevious, lead.Advance(LeadStage.Signed, new DateOnly(2026, 6, 30), Today, 100));
        Assert.Equal(Refusal.UnknownStage, lead.Advance(LeadStage.Landed, Today, Today));
        Assert.Equal(Refusal.UnknownStage, lead.Advance((LeadStage)7, Today, Today));
        Assert.Equal(new DateOnly(2026, 7, 1), lead.StageSince);
    }

    [Fact]
    public void Signing_needs_the_agreements_amount_and_registering_past_signing_signs_it_too()
    {
        var lead = NewLead(new DateOnly(2026, 6, 1), LeadStage.Negotiating);
        Assert.Equal(Refusal.AgreementRequired, lead.Advance(LeadStage.Signed, Today, Today));
        Assert.Equal(Refusal.AgreementRequired, lead.Advance(LeadStage.Signed, Today, Today, 0));
        Assert.Null(lead.SignedOn);
        Assert.Null(lead.Advance(LeadStage.Registered, new DateOnly(2026, 11, 1), Today, 30_000));
        Assert.Equal(new DateOnly(2026, 11, 1), lead.SignedOn);
        Assert.Equal(new DateOnly(2026, 11, 1), lead.RegisteredOn);
        Assert.Equal(30_000m, lead.SignedAmount);
        Assert.True(lead.IsSignedNotLanded);
    }

    [Fact]
    public void A_lead_lands_once_only_when_signed_and_a_terminated_one_needs_a_reason_and_is_restored_by_the_office_at_its_stage()
    {
        var lead = NewLead(new DateOnly(2026, 6, 1), LeadStage.Negotiating);
        Assert.Equal(Refusal.NotSigned, lead.Land(Today, 99, Today));
        Assert.Equal(Refusal.ReasonRequired, lead.Terminate("  ", Today, Today));
        Assert.Null(lead.Terminate("资金链紧张", new DateOnly(2026, 10, 1), Today));
        Assert.False(lead.IsOpen);
        Assert.Equal(LeadStage.Negotiating, lead.HighestStage);
        Assert.Equal(Refusal.Closed, lead.Advance(LeadStage.Signed, Today, Today, 10));
        Assert.Null(lead.Restore(Today));
        Assert.Equal(LeadStage.Negotiating, lead.Stage);
        Assert.Null(lead.TerminationReason);
        Assert.Equal(Refusal.NotTerminated, lead.Restore(Today));

        Assert.Null(lead.Advance(LeadStage.Signed, Today, Today, 10));
        Assert.Null(lead.Land(Today, 99, Today));
        Assert.Equal(99, lead.ProjectWorkItemId);
        Assert.Equal(LeadStage.Landed, lead.HighestStage);
        Assert.Equal(Refusal.Closed, lead.Land(Today, 100, Today));
        Assert.Equal(99, lead.ProjectWorkItemId);
    }

    [Fact]
    public void Contacts_move_the_first_and_latest_days_and_only_the_latest_contact_sets_the_next_step()
    {
        var lead = NewLead(new DateOnly(2026, 6, 1));
        Assert.Null(lead.Contacted(new DateOnly(2026, 11, 1), "送方案", new DateOnly(2026, 11, 20), Today));
        Assert.Null(lead.Contacted(new DateOnly(2026, 10, 1), "旧的打算", new DateOnly(2026, 10, 10), Today)); // an older contact, logged late
        Assert.Equal(new DateOnly(2026, 10, 1), lead.FirstContactOn);
        Assert.Equal(new DateOnly(2026, 11, 1), lead.LastContactOn);
        Assert.Equal("送方案", lead.NextStep);
        Assert.Equal(Refusal.NextStepBeforeContact, lead.Contacted(new DateOnly(2026, 11, 5), "x", new DateOnly(2026, 11, 4), Today));
        Assert.Equal(Refusal.DateInFuture, lead.Contacted(Today.AddDays(1), null, null, Today));
    }

    [Theory]
    [InlineData(29, Domain.Work.Light.Green, LightReason.OnTrack)]
    [InlineData(30, Domain.Work.Light.Yellow, LightReason.LeadStale)]
    [InlineData(59, Domain.Work.Light.Yellow, LightReason.LeadStale)]
    [InlineData(60, Domain.Work.Light.Red, LightReason.LeadStaleLong)]
    public void A_lead_goes_yellow_on_the_thirtieth_day_without_a_contact_and_red_on_the_sixtieth(int daysSince, Light light, LightReason reason)
    {
        var lead = NewLead(new DateOnly(2026, 1, 1));
        lead.Contacted(Today.AddDays(-daysSince), null, null, Today);
        var lit = Light(lead, new DateOnly(2026, 1, 1), Today);
        Assert.Equal((light, reason), (lit.Light, lit.Reason));
        if (reason != LightReason.OnTrack)
        {
            Assert.Equal(daysSince, lit.ReasonNumber);
        }
    }

    [Fact]
    public void Without_a_contact_the_days_count_from_registration_and_the_thresholds_are_the_regions()
    {
        var registered = Today.AddDays(-10);
        var lead = NewLead(registered);
        Assert.Equal(LightReason.OnTrack, Light(lead, registered, Today).Reason);
        var strict = LightSettings.Default with { LeadStaleYellowDays = 7, LeadStaleRedDays = 10 };
        Assert.Equal(LightReason.LeadStaleLong, Light(lead, registered, Today, strict).Reason);
    }

    [Fact]
    public void A_next_step_past_its_date_is_yellow_from_the_day_after()
    {
        var lead = NewLead(new DateOnly(2026, 11, 1));
        lead.Contacted(new DateOnly(2026, 11, 20), "送方案", Today, Today);
        Assert.Equal(LightReason.OnTrack, Light(lead, new DateOnly(2026, 11, 1), Today).Reason);
        var lit = Light(lead, new DateOnly(2026, 11, 1), Today.AddDays(1));
        Assert.Equal(LightReason.LeadNextStepOverdue, lit.Reason);
        Assert.Equal(Today, lit.ReasonDate);
    }

    [Theory]
    [InlineData("2026-09-02", LightReason.OnTrack)] // signed a day short of three months ago
    [InlineData("2026-09-01", LightReason.LeadUnlanded)] // three calendar months to the day
    [InlineData("2026-06-02", LightReason.LeadUnlanded)]
    [InlineData("2026-06-01", LightReason.LeadUnlandedLong)] // six months
    public void Signed_and_not_landed_is_yellow_at_three_calendar_months_and_red_at_six(string signedOn, LightReason reason)
    {
        var signed = DateOnly.Parse(signedOn, System.Globalization.CultureInfo.InvariantCulture);
        var lead = NewLead(new DateOnly(2026, 1, 1), LeadStage.Negotiating);
        lead.Advance(LeadStage.Signed, signed, Today, 1000);
        lead.Contacted(Today.AddDays(-3), null, null, Today);
        var lit = Light(lead, new DateOnly(2026, 1, 1), Today);
        Assert.Equal(reason, lit.Reason);
        if (reason != LightReason.OnTrack)
        {
            Assert.Equal(Today.DayNumber - signed.DayNumber, lit.ReasonNumber);
        }

        // Landed, it is done whatever its dates were.
        lead.Land(Today, 5, Today);
        Assert.Equal(Domain.Work.Light.Done, Light(lead, new DateOnly(2026, 1, 1), Today).Light);
    }

    [Fact]
    public void The_funnel_counts_a_lead_at_every_stage_it_reached_and_the_rates_and_days_follow()
    {
        // Ten leads: 4 still clues, 2 in talks, 1 terminated in talks, 2 signed, 1 landed.
        var counts = new List<StageCount>
        {
            new(LeadStage.Clue, 4, 4, 400, 10),
            new(LeadStage.Negotiating, 2, 3, 300, 6),
            new(LeadStage.Signed, 2, 2, 90, 3),
            new(LeadStage.Landed, 1, 1, 0, 1),
            new(LeadStage.Terminated, 1, 0, 0, 1),
        };
        var stages = LeadFigures.Stages(counts).ToDictionary(s => s.Stage);
        Assert.Equal(10, LeadFigures.Total(counts));
        Assert.Equal(10, stages[LeadStage.Clue].Reached);
        Assert.Equal(6, stages[LeadStage.Intent].Reached); // those that got past clue, though none stopped at intent
        Assert.Equal(6, stages[LeadStage.Negotiating].Reached); // the terminated one was in talks
        Assert.Equal(3, stages[LeadStage.Signed].Reached);
        Assert.Equal(1, stages[LeadStage.Landed].Reached);
        Assert.Equal(40.0, stages[LeadStage.Clue].AverageDays);
        Assert.Equal(50.0, stages[LeadStage.Negotiating].AverageDays);
        Assert.Null(stages[LeadStage.Intent].AverageDays);
        Assert.Null(stages[LeadStage.Landed].AverageDays);
        Assert.Equal(30.0, LeadFigures.SigningRate(counts));
        Assert.Equal(33.3, LeadFigures.LandingRate(counts));
        Assert.Null(LeadFigures.SigningRate([]));
        Assert.Null(LeadFigures.LandingRate([new(LeadStage.Clue, 3, 3, 0, 0)]));
    }

    [Fact]
    public void A_stay_runs_from_reaching_a_stage_to_leaving_it_and_a_closed_lead_leaves_its_last_stage_the_day_it_closes()
    {
        var lead = NewLead(new DateOnly(2026, 6, 1));
        var first = LeadStageChange.Next(null, lead, new DateOnly(2026, 6, 1));
        Assert.Null(first.LeftDay);
        lead.Advance(LeadStage.Intent, new DateOnly(2026, 7, 1), Today);
        var second = LeadStageChange.Next(first, lead, new DateOnly(2026, 7, 1));
        Assert.Equal(30, first.LeftDay - first.OnDay);
        lead.Terminate("放弃", new DateOnly(2026, 8, 1), Today);
        var last = LeadStageChange.Next(second, lead, lead.StageSince);
        Assert.Equal(31, second.LeftDay - second.OnDay);
        Assert.Equal(LeadStage.Terminated, last.Stage);
        Assert.Equal(last.OnDay, last.LeftDay);
    }
}
