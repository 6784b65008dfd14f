using Duban.Domain.Projects;
using Duban.Domain.Work;

namespace Duban.UnitTests.Projects;

/// <summary>Project lights: the same engine as tasks, with the project rules at their edges.</summary>
public class ProjectLightTests
{
    // 23 November 2026: data through October, time progress 10 ÷ 12 = 83 points.
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly LightMoment At = LightMoment.For(Now, TimeZoneInfo.Utc, LightSettings.Default, WorkdayCalendar.Plain);

    private static LightFacts Project(int? plannedStartMonth = null, int? investmentPercent = null, int overdueProblems = 0, int? investmentYear = 2026) =>
        new(WorkItemStatus.InProgress, new DateOnly(2026, 1, 1), null, null, null, null, ReportingCadence.None, null, null,
            plannedStartMonth, investmentPercent is null ? null : investmentYear, investmentPercent, overdueProblems);

    private static int Month(int year, int month) => Investment.MonthIndex(new DateOnly(year, month, 1));

    [Theory]
    [InlineData(11, Light.Green, LightReason.OnTrack)]        // planned this month: not late yet
    [InlineData(10, Light.Yellow, LightReason.StartOverdue)]  // the planned month has passed
    [InlineData(9, Light.Yellow, LightReason.StartOverdue)]
    [InlineData(8, Light.Red, LightReason.StartOverdueLong)]  // three months on
    public void A_project_past_its_planned_start_month_without_a_start_turns_yellow_then_red(int plannedMonth, Light light, LightReason reason)
    {
        var result = LightRules.Evaluate(Project(plannedStartMonth: Month(2026, plannedMonth)), At);
        Assert.Equal((light, reason), (result.Light, result.Reason));
        if (reason != LightReason.OnTrack)
        {
            Assert.Equal(11 - plannedMonth, result.ReasonNumber);
        }
    }

    [Theory]
    [InlineData(83, Light.Green, LightReason.OnTrack)]
    [InlineData(74, Light.Green, LightReason.OnTrack)]               // 9 points behind
    [InlineData(73, Light.Yellow, LightReason.InvestmentBehind)]     // 10 points: yellow
    [InlineData(53, Light.Yellow, LightReason.InvestmentBehind)]     // 30 points: still yellow
    [InlineData(52, Light.Red, LightReason.InvestmentFarBehind)]     // more than 30: red
    [InlineData(0, Light.Red, LightReason.InvestmentFarBehind)]
    public void Investment_behind_time_progress_turns_yellow_at_ten_points_and_red_beyond_thirty(int completion, Light light, LightReason reason)
    {
        var result = LightRules.Evaluate(Project(investmentPercent: completion), At);
        Assert.Equal((light, reason), (result.Light, result.Reason));
        if (reason != LightReason.OnTrack)
        {
            Assert.Equal(83 - completion, result.ReasonNumber);
        }
    }

    [Fact]
    public void Last_years_completion_and_january_say_nothing_about_investment()
    {
        Assert.Equal(LightReason.OnTrack, LightRules.Evaluate(Project(investmentPercent: 0, investmentYear: 2025), At).Reason);
        var january = LightMoment.For(new DateTime(2026, 1, 20, 9, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc, LightSettings.Default, WorkdayCalendar.Plain);
        Assert.Equal(LightReason.OnTrack, LightRules.Evaluate(Project(investmentPercent: 0), january).Reason);
    }

    [Fact]
    public void An_overdue_problem_makes_a_project_at_least_yellow()
    {
        var result = LightRules.Evaluate(Project(overdueProblems: 2), At);
        Assert.Equal((Light.Yellow, LightReason.ProblemOverdue, 2), (result.Light, result.Reason, result.ReasonNumber));
        Assert.Equal(Light.Red, LightRules.Evaluate(Project(investmentPercent: 10, overdueProblems: 1), At).Light);
    }

    [Fact]
    public void An_exempted_or_paused_project_is_not_lit_by_its_lag()
    {
        var exempt = Project(investmentPercent: 0) with { ExemptUntil = new DateOnly(2026, 12, 31) };
        Assert.Equal(LightReason.Exempted, LightRules.Evaluate(exempt, At).Reason);
        var withdrawn = Project(investmentPercent: 0) with { Status = WorkItemStatus.Paused };
        Assert.Equal(Light.Grey, LightRules.Evaluate(withdrawn, At).Light);
    }

    [Fact]
    public void A_regions_thresholds_and_curve_apply()
    {
        var strict = LightSettings.Default with { GapYellowPoints = 5, GapRedPoints = 15, StartLateRedMonths = 2, TimeCurve = Investment.ParseCurve("2,5,10,20,30,40,50,60,70,80,90,100", out _) };
        var at = LightMoment.For(Now, TimeZoneInfo.Utc, strict, WorkdayCalendar.Plain);
        Assert.Equal(80, at.TimeProgress);
        Assert.Equal(LightReason.InvestmentBehind, LightRules.Evaluate(Project(investmentPercent: 75), at).Reason);
        Assert.Equal(LightReason.InvestmentFarBehind, LightRules.Evaluate(Project(investmentPercent: 64), at).Reason);
        Assert.Equal(LightReason.StartOverdueLong, LightRules.Evaluate(Project(plannedStartMonth: Month(2026, 9)), at).Reason);
    }
}
