using Duban.Domain.Indicators;
using Duban.Domain.Work;

namespace Duban.UnitTests.Indicators;

/// <summary>Indicator figures at their edges: first periods, quarters, growth only, bases of zero or below, node targets, ties, revisions.</summary>
public sealed class IndicatorFiguresTests
{
    private static Indicator Monthly(int firstMonth = 1, IndicatorDirection direction = IndicatorDirection.HigherIsBetter) =>
        new() { Name = "规上工业总产值", FirstMonth = firstMonth, Direction = direction };

    private static IndicatorValue Value(int periodTo, decimal? value, decimal? yoy, Revision revision = Revision.Flash, int id = 0) =>
        new() { Id = id, Year = 2026, PeriodTo = periodTo, Value = value, Yoy = yoy, Revision = revision, RecordedAt = new DateTime(2026, periodTo, 1, 0, 0, 0, DateTimeKind.Utc) };

    [Fact]
    public void Where_january_is_published_with_february_the_first_period_is_1_2_and_the_next_owed_after_it_is_march()
    {
        var industry = Monthly(firstMonth: 2);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], industry.PeriodsOfYear());
        Assert.Equal((2026 * 12) + 1, IndicatorFigures.NextPeriod(industry, 2026, null)); // 1-2月 owed first
        Assert.Equal((2026 * 12) + 2, IndicatorFigures.NextPeriod(industry, 2026, 2));
        Assert.Equal(2027 * 12 + 1, IndicatorFigures.NextPeriod(industry, 2026, 12)); // the next year's 1-2月
    }

    [Fact]
    public void A_quarterly_indicator_is_published_for_quarter_ends_only_and_its_time_progress_is_the_quarters_share()
    {
        var gdp = new Indicator { Name = "地区生产总值", Kind = IndicatorKind.QuarterlyCumulative };
        Assert.Equal([3, 6, 9, 12], gdp.PeriodsOfYear());
        Assert.Equal((2026 * 12) + 5, IndicatorFigures.NextPeriod(gdp, 2026, 3)); // after 一季度 comes 上半年
        var standing = IndicatorFigures.Of(gdp, new IndicatorTarget { Value = 185m }, Value(9, 135m, 5.8m), 2026, 9);
        Assert.Equal(75.0m, standing.TimeProgress);
        Assert.Equal(73.0m, standing.Completion);
        Assert.Equal(2.0m, standing.Gap);
    }

    [Fact]
    public void Growth_only_gives_no_completion_but_growth_against_target_and_the_negative_growth_fact()
    {
        var fixedAssets = new Indicator { Name = "固定资产投资", PublishesValue = false, FirstMonth = 2 };
        var standing = IndicatorFigures.Of(fixedAssets, new IndicatorTarget { Growth = 7.0m }, Value(10, null, -3.2m), 2026, 10);
        Assert.Null(standing.Completion);
        Assert.Null(standing.Gap);
        Assert.Equal(10.2m, standing.GrowthGap);
        Assert.Equal(-32, standing.YoyTenths);
        Assert.Equal(102, standing.GrowthGapTenths);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-50)]
    public void A_target_of_zero_or_below_gives_no_completion_instead_of_a_division_by_it(int target)
    {
        var standing = IndicatorFigures.Of(Monthly(), new IndicatorTarget { Value = target }, Value(6, 500m, 2m), 2026, 6);
        Assert.Null(standing.Completion);
        Assert.Null(standing.Gap);
        Assert.Equal(50.0m, standing.TimeProgress);
    }

    [Fact]
    public void Negative_and_zero_figures_are_kept_as_published()
    {
        var standing = IndicatorFigures.Of(Monthly(), new IndicatorTarget { Value = 1000m }, Value(6, -20m, -100m), 2026, 6);
        Assert.Equal(-2.0m, standing.Completion);
        Assert.Equal(52.0m, standing.Gap);
        Assert.Null(IndicatorFigures.TwoYearAverage(-100m, -5m)); // a product at or below zero has no geometric mean
    }

    [Fact]
    public void Node_targets_replace_the_straight_line_between_their_months()
    {
        var nodes = new IndicatorTarget { HalfYearPercent = 40, ThreeQuartersPercent = 70 };
        Assert.Equal(20.0m, IndicatorFigures.TimeProgress(3, nodes));
        Assert.Equal(40.0m, IndicatorFigures.TimeProgress(6, nodes));
        Assert.Equal(60.0m, IndicatorFigures.TimeProgress(8, nodes));
        Assert.Equal(70.0m, IndicatorFigures.TimeProgress(9, nodes));
        Assert.Equal(90.0m, IndicatorFigures.TimeProgress(11, nodes));
        Assert.Equal(100m, IndicatorFigures.TimeProgress(12, nodes));
        Assert.Equal(83.3m, IndicatorFigures.TimeProgress(10)); // months gone ÷ 12 without nodes
        Assert.Equal(50.0m, IndicatorFigures.TimeProgress(6, new IndicatorTarget { ThreeQuartersPercent = 75 }));
    }

    [Fact]
    public void Ties_share_a_place_and_the_next_place_is_skipped_in_the_indicators_direction()
    {
        var higher = IndicatorFigures.Rank([("甲", (decimal?)5m), ("乙", 7m), ("丙", 5m), ("丁", 3m), ("戊", null)], IndicatorDirection.HigherIsBetter);
        Assert.Equal(1, higher["乙"]);
        Assert.Equal(2, higher["甲"]);
        Assert.Equal(2, higher["丙"]);
        Assert.Equal(4, higher["丁"]);
        Assert.False(higher.ContainsKey("戊"));
        var lower = IndicatorFigures.Rank([("甲", (decimal?)5m), ("乙", 7m), ("丁", 3m)], IndicatorDirection.LowerIsBetter);
        Assert.Equal(1, lower["丁"]);
        Assert.Equal(3, lower["乙"]);
    }

    [Fact]
    public void A_later_revision_replaces_the_flash_figure_whenever_it_was_recorded()
    {
        var flash = Value(6, 100m, 5m, Revision.Flash, 1);
        var preliminary = Value(6, 98m, 4.6m, Revision.Preliminary, 2);
        var final = Value(6, 99m, 4.8m, Revision.Final, 3);
        Assert.Same(preliminary, IndicatorFigures.Current([flash, preliminary]));
        Assert.Same(final, IndicatorFigures.Current([final, flash, preliminary]));
        var reFlash = Value(6, 101m, 5.1m, Revision.Flash, 4);
        reFlash.RecordedAt = flash.RecordedAt.AddDays(1);
        Assert.Same(reFlash, IndicatorFigures.Current([flash, reFlash]));
    }

    [Fact]
    public void Two_year_average_growth_is_the_geometric_mean()
    {
        Assert.Equal(4.8m, IndicatorFigures.TwoYearAverage(12.0m, -2.0m)); // √(1.12 × 0.98) − 1 = 4.77 %
        Assert.Equal(5.0m, IndicatorFigures.TwoYearAverage(5.0m, 5.0m));
        Assert.Null(IndicatorFigures.TwoYearAverage(5.0m, null));
    }

    [Fact]
    public void A_lower_is_better_indicator_is_behind_when_above_its_pace_and_short_when_growing_faster_than_allowed()
    {
        var energy = Monthly(direction: IndicatorDirection.LowerIsBetter);
        var standing = IndicatorFigures.Of(energy, new IndicatorTarget { Value = 100m, Growth = -3m }, Value(6, 60m, -1m), 2026, 6);
        Assert.Equal(10.0m, standing.Gap);
        Assert.Equal(2m, standing.GrowthGap);
    }

    [Fact]
    public void The_bureaus_day_decides_which_month_is_owed_and_the_rule_table_lights_a_missing_one()
    {
        Assert.Equal((2026 * 12) + 9, IndicatorFigures.PublishedThrough(new DateOnly(2026, 11, 20), 20)); // October's figures due today
        Assert.Equal((2026 * 12) + 8, IndicatorFigures.PublishedThrough(new DateOnly(2026, 11, 19), 20));
        var facts = new LightFacts(WorkItemStatus.InProgress, new DateOnly(2026, 1, 1), null, null, null, null, ReportingCadence.None, null, null,
            IndicatorNextPeriod: (2026 * 12) + 8);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var at = LightMoment.For(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), zone, LightSettings.Default, WorkdayCalendar.Plain);
        var lit = LightRules.Evaluate(facts, at);
        Assert.Equal(LightReason.IndicatorNoValue, lit.Reason);
        Assert.Equal(2, lit.ReasonNumber); // September and October
        Assert.Equal(LightReason.OnTrack, LightRules.Evaluate(facts with { IndicatorNextPeriod = (2026 * 12) + 10 }, at).Reason);
        Assert.Equal(LightReason.IndicatorFarBehind, LightRules.Evaluate(facts with { IndicatorGap = 100 }, at).Reason);
        Assert.Equal(LightReason.IndicatorBehind, LightRules.Evaluate(facts with { IndicatorGap = 99 }, at).Reason);
        Assert.Equal(LightReason.IndicatorShrinking, LightRules.Evaluate(facts with { IndicatorGrowth = -1 }, at).Reason);
        var lenient = LightMoment.For(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), zone, LightSettings.Default with { IndicatorShrinkingRed = false }, WorkdayCalendar.Plain);
        Assert.Equal(LightReason.IndicatorGrowthShort, LightRules.Evaluate(facts with { IndicatorGrowth = -1, IndicatorGrowthShort = 81 }, lenient).Reason);
    }
}
