using Duban.Domain.Work;

namespace Duban.UnitTests.Work;

public class CadenceAndCalendarTests
{
    private static readonly DateOnly Anchor = new(2026, 1, 1);

    [Theory]
    [InlineData("2026-06-10 09:00", "2026-06-12 15:00")] // Wednesday → this Friday
    [InlineData("2026-06-12 14:59", "2026-06-12 15:00")] // a minute before the deadline
    [InlineData("2026-06-12 15:00", "2026-06-19 15:00")] // at the deadline: the next one
    [InlineData("2026-06-13 08:00", "2026-06-19 15:00")] // Saturday → next Friday
    public void Weekly_every_Friday_at_three(string after, string expected)
    {
        var cadence = ReportingCadence.WeeklyOn(DayOfWeek.Friday, 15);
        Assert.Equal(Parse(expected), cadence.NextDueAfter(Parse(after), Anchor));
    }

    [Fact]
    public void Every_two_weeks_counts_from_the_first_due_point_after_the_start()
    {
        var cadence = new ReportingCadence(CadenceKind.Biweekly, 5, 15);
        var start = new DateOnly(2026, 6, 1); // Monday; first due Friday 5 June, then 19 June, 3 July
        Assert.Equal(Parse("2026-06-05 15:00"), cadence.NextDueAfter(Parse("2026-06-01 00:00"), start));
        Assert.Equal(Parse("2026-06-19 15:00"), cadence.NextDueAfter(Parse("2026-06-05 15:00"), start));
        Assert.Equal(Parse("2026-06-19 15:00"), cadence.NextDueAfter(Parse("2026-06-12 16:00"), start));
        Assert.Equal(Parse("2026-07-03 15:00"), cadence.NextDueAfter(Parse("2026-06-20 00:00"), start));
    }

    [Theory]
    [InlineData(25, "2026-06-10 09:00", "2026-06-25 17:00")]
    [InlineData(25, "2026-06-25 17:00", "2026-07-25 17:00")]
    [InlineData(31, "2026-02-01 00:00", "2026-02-28 17:00")] // short month: the last day
    [InlineData(31, "2026-02-28 17:00", "2026-03-31 17:00")]
    public void Monthly_on_a_day_clamps_to_short_months(int day, string after, string expected)
    {
        Assert.Equal(Parse(expected), new ReportingCadence(CadenceKind.Monthly, day, 17).NextDueAfter(Parse(after), Anchor));
    }

    [Theory]
    [InlineData("2026-01-15 00:00", "2026-03-25 17:00")]
    [InlineData("2026-03-25 17:00", "2026-06-25 17:00")]
    [InlineData("2026-11-01 00:00", "2026-12-25 17:00")]
    [InlineData("2026-12-26 00:00", "2027-03-25 17:00")]
    public void Quarterly_is_due_in_the_last_month_of_the_quarter(string after, string expected)
    {
        Assert.Equal(Parse(expected), new ReportingCadence(CadenceKind.Quarterly, 25, 17).NextDueAfter(Parse(after), Anchor));
    }

    [Theory]
    [InlineData(CadenceKind.Weekly, 0, 15, false)]
    [InlineData(CadenceKind.Weekly, 8, 15, false)]
    [InlineData(CadenceKind.Monthly, 31, 23, true)]
    [InlineData(CadenceKind.Monthly, 32, 10, false)]
    [InlineData(CadenceKind.Weekly, 5, 24, false)]
    public void Cadence_values_are_checked(CadenceKind kind, int day, int hour, bool valid)
    {
        Assert.Equal(valid, new ReportingCadence(kind, day, hour).IsValid(out _));
    }

    [Fact]
    public void National_Day_and_its_make_up_Saturday_follow_the_official_calendar()
    {
        // 2026 National Day: 1–7 October off; Saturday 10 October is a make-up workday (调休).
        var overrides = Enumerable.Range(1, 7).ToDictionary(d => new DateOnly(2026, 10, d), _ => false);
        overrides[new DateOnly(2026, 10, 10)] = true;
        var calendar = new WorkdayCalendar(overrides);

        Assert.False(calendar.IsWorkday(new DateOnly(2026, 10, 1))); // Thursday, holiday
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 10, 10))); // Saturday, make-up
        Assert.False(calendar.IsWorkday(new DateOnly(2026, 10, 11))); // Sunday

        // Three workdays after Wednesday 30 September: 8, 9 and 10 October.
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddWorkdays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(3, calendar.WorkdaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 10)));
        Assert.Equal(new DateOnly(2026, 9, 30), calendar.AddWorkdays(new DateOnly(2026, 9, 30), 0));
    }

    private static DateTime Parse(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
