using Duban.Domain.Work;

namespace Duban.UnitTests.Work;

public class LightRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc); // a Wednesday; the zone is UTC here so local time reads the same
    private static readonly LightMoment At = LightMoment.For(Now, TimeZoneInfo.Utc, LightSettings.Default, WorkdayCalendar.Plain);

    private static LightResult Light(WorkItemBuilder b, LightMoment? at = null) => LightRules.Evaluate(b.Build().Facts(), at ?? At);

    [Fact]
    public void A_task_on_pace_with_nothing_due_is_green()
    {
        var result = Light(new WorkItemBuilder().WithPercent(50));
        Assert.Equal(Domain.Work.Light.Green, result.Light);
        Assert.Equal(LightReason.OnTrack, result.Reason);
    }

    [Fact]
    public void A_milestone_due_yesterday_and_undone_is_red_and_named()
    {
        var result = Light(new WorkItemBuilder().WithPercent(50).WithMilestone("完成土地征收", new DateOnly(2026, 6, 9)));
        Assert.Equal(Domain.Work.Light.Red, result.Light);
        Assert.Equal(LightReason.MilestoneOverdue, result.Reason);
        Assert.Equal("完成土地征收", result.ReasonText);
        Assert.Equal(new DateOnly(2026, 6, 9), result.ReasonDate);
    }

    [Fact]
    public void A_milestone_due_today_is_not_yet_overdue_but_due_soon()
    {
        var result = Light(new WorkItemBuilder().WithPercent(50).WithMilestone("完成土地征收", new DateOnly(2026, 6, 10)));
        Assert.Equal(Domain.Work.Light.Yellow, result.Light);
        Assert.Equal(LightReason.MilestoneDueSoon, result.Reason);
    }

    [Fact]
    public void A_done_milestone_does_not_count()
    {
        var result = Light(new WorkItemBuilder().WithPercent(50).WithMilestone("完成土地征收", new DateOnly(2026, 6, 1), doneOn: new DateOnly(2026, 5, 30)));
        Assert.Equal(Domain.Work.Light.Green, result.Light);
    }

    [Theory]
    [InlineData(16, LightReason.MilestoneDueSoon)] // 6 days away
    [InlineData(17, LightReason.MilestoneDueSoon)] // exactly 7 days: still within
    [InlineData(18, LightReason.OnTrack)] // 8 days away
    public void Due_soon_means_within_seven_days(int day, LightReason expected)
    {
        var result = Light(new WorkItemBuilder().WithPercent(50).WithMilestone("开工", new DateOnly(2026, 6, day)));
        Assert.Equal(expected, result.Reason);
    }

    [Fact]
    public void Due_soon_in_workdays_skips_the_Dragon_Boat_holiday()
    {
        // Six workdays from Wednesday 10 June with rest days on Monday 15 and Friday 19 June (端午):
        // 11, 12, 16, 17, 18, 22 — the limit is Monday 22 June, twelve calendar days away.
        var calendar = new WorkdayCalendar(new Dictionary<DateOnly, bool>
        {
            [new DateOnly(2026, 6, 15)] = false,
            [new DateOnly(2026, 6, 19)] = false,
        });
        var settings = LightSettings.Default with { DueSoonDays = 6, DueSoonInWorkdays = true };
        var at = LightMoment.For(Now, TimeZoneInfo.Utc, settings, calendar);
        Assert.Equal(new DateOnly(2026, 6, 22), at.DueSoonLimit);
        Assert.Equal(LightReason.DeadlineDueSoon, Light(new WorkItemBuilder().WithPercent(90).WithDeadline(new DateOnly(2026, 6, 22)), at).Reason);
        Assert.Equal(LightReason.OnTrack, Light(new WorkItemBuilder().WithPercent(90).WithDeadline(new DateOnly(2026, 6, 23)), at).Reason);
    }

    [Fact]
    public void A_passed_deadline_is_red_even_when_milestones_are_done()
    {
        var result = Light(new WorkItemBuilder().WithPercent(95).WithDeadline(new DateOnly(2026, 6, 9)));
        Assert.Equal(Domain.Work.Light.Red, result.Light);
        Assert.Equal(LightReason.DeadlineOverdue, result.Reason);
    }

    [Theory]
    [InlineData(24, false)] // time gone: 160 of 364 days = 43%; 43 - 24 = 19 points: not lagging
    [InlineData(23, true)] // 20 points behind: lagging
    public void Progress_lagging_the_share_of_time_by_20_points_is_yellow(int percent, bool lagging)
    {
        var result = Light(new WorkItemBuilder().WithPercent(percent));
        Assert.Equal(lagging ? LightReason.Lagging : LightReason.OnTrack, result.Reason);
        if (lagging)
        {
            Assert.Equal(43, result.ReasonNumber);
        }
    }

    [Fact]
    public void No_report_yet_is_not_lagging_and_ongoing_work_cannot_lag()
    {
        Assert.Equal(LightReason.OnTrack, Light(new WorkItemBuilder().WithPercent(null)).Reason);
        Assert.Equal(LightReason.OnTrack, Light(new WorkItemBuilder().WithDeadline(null).WithPercent(0)).Reason);
    }

    [Fact]
    public void One_missing_report_is_not_yet_yellow_two_in_a_row_are()
    {
        // Due every Friday 15:00. Now is Wednesday 10 June 09:00.
        var oneMissing = new WorkItemBuilder().WithPercent(50).ReportingWeeklyOn(DayOfWeek.Friday, 15, new DateTime(2026, 6, 5, 15, 0, 0));
        Assert.Equal(LightReason.OnTrack, Light(oneMissing).Reason);

        var twoMissing = new WorkItemBuilder().WithPercent(50).ReportingWeeklyOn(DayOfWeek.Friday, 15, new DateTime(2026, 5, 29, 15, 0, 0));
        var result = Light(twoMissing);
        Assert.Equal(Domain.Work.Light.Yellow, result.Light);
        Assert.Equal(LightReason.ReportsMissing, result.Reason);
    }

    [Fact]
    public void Closed_is_done_paused_and_not_started_are_grey()
    {
        Assert.Equal(Domain.Work.Light.Done, Light(new WorkItemBuilder().WithStatus(WorkItemStatus.Closed).WithDeadline(new DateOnly(2026, 1, 2))).Light);
        Assert.Equal(LightReason.Paused, Light(new WorkItemBuilder().WithStatus(WorkItemStatus.Paused).WithDeadline(new DateOnly(2026, 1, 2))).Reason);
        Assert.Equal(LightReason.NotStarted, Light(new WorkItemBuilder().StartingOn(new DateOnly(2026, 7, 1))).Reason);
    }

    [Fact]
    public void An_exemption_holds_until_its_end_date_then_the_rules_apply_again()
    {
        var overdue = new WorkItemBuilder().WithPercent(10).WithDeadline(new DateOnly(2026, 6, 1));
        Assert.Equal(LightReason.Exempted, Light(overdue.ExemptUntil(new DateOnly(2026, 6, 10))).Reason);
        Assert.Equal(LightReason.DeadlineOverdue, Light(new WorkItemBuilder().WithPercent(10).WithDeadline(new DateOnly(2026, 6, 1)).ExemptUntil(new DateOnly(2026, 6, 9))).Reason);
    }

    [Fact]
    public void Red_outranks_yellow_when_both_apply()
    {
        var both = new WorkItemBuilder().WithPercent(0).WithMilestone("立项", new DateOnly(2026, 6, 1)).WithDeadline(new DateOnly(2026, 6, 12));
        Assert.Equal(LightReason.MilestoneOverdue, Light(both).Reason);
    }

    [Fact]
    public void The_rule_table_names_every_reason_once_with_its_colour_and_ends_in_otherwise()
    {
        Assert.Same(LightRules.Steps, LightRules.Check(LightRules.Steps));
        Assert.Equal(Enum.GetValues<LightReason>().Order(), LightRules.Steps.Select(s => s.Reason).Order());
        Assert.Equal(Domain.Work.Light.Red, LightRules.LightOf(LightReason.InvestmentFarBehind));
        Assert.Equal(Domain.Work.Light.Yellow, LightRules.LightOf(LightReason.ReportsMissing));
    }

    [Fact]
    public void A_table_that_forgets_a_reason_or_its_otherwise_is_refused()
    {
        var forgotten = LightRules.Steps.Where(s => s.Reason != LightReason.ProblemOverdue).ToList();
        var missing = Assert.Throws<InvalidOperationException>(() => LightRules.Check(forgotten));
        Assert.Contains("ProblemOverdue", missing.Message, StringComparison.Ordinal);

        var twice = LightRules.Steps.Append(LightRules.Steps[0]).ToList();
        Assert.Throws<InvalidOperationException>(() => LightRules.Check(twice));

        var noOtherwise = LightRules.Steps.Take(LightRules.Steps.Count - 1).Append(LightRules.Steps[^1] with { When = (f, p) => f.Percent > 0 }).ToList();
        var open = Assert.Throws<InvalidOperationException>(() => LightRules.Check(noOtherwise));
        Assert.Contains("always holds", open.Message, StringComparison.Ordinal);
    }
}
