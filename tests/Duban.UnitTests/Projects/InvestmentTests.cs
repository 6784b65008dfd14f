using Duban.Domain.Projects;

namespace Duban.UnitTests.Projects;

public class InvestmentTests
{
    [Theory]
    [InlineData(1, 1, 0)]    // January: no complete month yet
    [InlineData(2, 1, 8)]    // 1 ÷ 12 = 8.3 → 8
    [InlineData(7, 1, 50)]   // "时间过半": six months gone
    [InlineData(7, 31, 50)]  // the whole of July still counts six
    [InlineData(11, 23, 83)] // data through October: 10 ÷ 12
    [InlineData(12, 31, 91)]
    public void Time_progress_is_the_share_of_complete_months(int month, int day, int expected) =>
        Assert.Equal(expected, Investment.TimeProgress(new DateOnly(2026, month, day)));

    [Fact]
    public void A_regions_curve_replaces_months_divided_by_twelve()
    {
        var curve = Investment.ParseCurve("3,8,15,25,35,45,55,65,75,85,95,100", out var problem);
        Assert.Null(problem);
        Assert.Equal(0, Investment.TimeProgress(new DateOnly(2026, 1, 15), curve));
        Assert.Equal(3, Investment.TimeProgress(new DateOnly(2026, 2, 1), curve));
        Assert.Equal(95, Investment.TimeProgress(new DateOnly(2026, 12, 1), curve));
    }

    [Theory]
    [InlineData("1,2,3", "CurveTwelve")]
    [InlineData("10,20,30,40,50,60,70,80,90,95,99,98", "CurveRising")]
    [InlineData("10,20,30,40,50,60,70,80,90,95,96,99", "CurveEnds")]
    [InlineData("10,20,30,40,50,约60,70,80,90,95,96,100", "CurveNumbers")]
    [InlineData("10,20,30,40,50,60,70,80,90,95,96,101", "CurveNumbers")]
    public void A_curve_that_is_not_twelve_rising_percentages_ending_at_100_is_refused(string text, string expected)
    {
        Assert.Null(Investment.ParseCurve(text, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Chinese_commas_are_read_like_commas() =>
        Assert.NotNull(Investment.ParseCurve("5，10，20，30，40，50，60，70，80，90，95，100", out _));

    [Theory]
    [InlineData(0, 1000, 0)]
    [InlineData(499.99, 1000, 49)] // rounded down: 49.999 % is not yet half
    [InlineData(500, 1000, 50)]
    [InlineData(1500, 1000, 150)]
    public void Completion_is_done_over_plan_in_whole_points(decimal done, decimal plan, int expected) =>
        Assert.Equal(expected, Investment.Completion(done, plan));

    [Fact]
    public void Without_a_plan_there_is_no_completion_and_no_gap()
    {
        Assert.Null(Investment.Completion(100, null));
        Assert.Null(Investment.Completion(100, 0));
        Assert.Null(Investment.Gap(83, null));
    }

    [Fact]
    public void The_gap_is_time_progress_minus_completion()
    {
        Assert.Equal(33, Investment.Gap(83, 50));
        Assert.Equal(-17, Investment.Gap(83, 100));
    }
}
