using Duban.Domain.Bulletins;
using Duban.Domain.Work;

namespace Duban.UnitTests.Bulletins;

public class BulletinTests
{
    private static Bulletin Draft() => new()
    {
        RegionId = 1,
        Kind = BulletinKind.Weekly,
        PeriodStart = new DateOnly(2026, 11, 23),
        PeriodEnd = new DateOnly(2026, 11, 29),
        Title = "关于2026年第48周重点工作推进情况的通报",
        IssuingOffice = "青山县督查室",
        Addressee = "各单位：",
        Summary = "总体情况",
        Requirements = "要求",
        Figures = "{}",
        ComposedByName = "督查室",
    };

    [Theory]
    [InlineData("2026-11-23", "2026-11-23", "2026-11-29")] // a Monday starts its own week
    [InlineData("2026-11-27", "2026-11-23", "2026-11-29")] // Friday
    [InlineData("2026-11-29", "2026-11-23", "2026-11-29")] // Sunday ends it
    [InlineData("2026-12-31", "2026-12-28", "2027-01-03")] // across the new year
    public void A_week_runs_from_Monday_to_Sunday(string day, string start, string end) =>
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            BulletinPeriod.Of(BulletinKind.Weekly, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2028, 2, 29)]
    [InlineData(2026, 12, 31)]
    public void A_month_runs_to_its_last_day(int year, int month, int last) =>
        Assert.Equal((new DateOnly(year, month, 1), new DateOnly(year, month, last)), BulletinPeriod.Of(BulletinKind.Monthly, new DateOnly(year, month, 15)));

    [Fact]
    public void Weeks_are_numbered_as_ISO_8601_numbers_them_and_described_in_Chinese()
    {
        Assert.Equal((2026, 48), BulletinPeriod.IsoWeek(new DateOnly(2026, 11, 23)));
        Assert.Equal((2026, 53), BulletinPeriod.IsoWeek(new DateOnly(2026, 12, 28))); // 2026 has 53 ISO weeks
        Assert.Equal((2027, 1), BulletinPeriod.IsoWeek(new DateOnly(2027, 1, 4)));
        Assert.Equal("2026年第48周（11月23日至11月29日）", BulletinPeriod.Describe(BulletinKind.Weekly, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)));
        Assert.Equal("2026年11月", BulletinPeriod.Describe(BulletinKind.Monthly, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal("2026年1月5日", BulletinPeriod.ChineseDate(new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void A_weeks_draft_falls_due_on_the_regions_day_and_hour_and_a_months_on_its_last_day()
    {
        var thursday = new DateOnly(2026, 11, 26);
        Assert.Equal(new DateTime(2026, 11, 27, 17, 0, 0), BulletinPeriod.DraftDue(BulletinKind.Weekly, thursday, DayOfWeek.Friday, 17));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), BulletinPeriod.DraftDue(BulletinKind.Weekly, thursday, DayOfWeek.Monday, 9));
        Assert.Equal(new DateTime(2026, 11, 29, 17, 0, 0), BulletinPeriod.DraftDue(BulletinKind.Weekly, thursday, DayOfWeek.Sunday, 17));
        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0), BulletinPeriod.DraftDue(BulletinKind.Monthly, thursday, DayOfWeek.Friday, 17));
        Assert.Equal(new DateTime(2026, 11, 30, 23, 0, 0), BulletinPeriod.DraftDue(BulletinKind.Monthly, thursday, DayOfWeek.Friday, 99));
    }

    [Fact]
    public void A_draft_is_edited_refreshed_and_issued_once_and_then_refuses_every_change()
    {
        var b = Draft();
        Assert.Equal(string.Empty, b.Number);
        Assert.Null(b.Edit("新标题", "督查室", "各单位：", "新的总体情况", "新要求", null));
        Assert.Null(b.Recompose("{\"x\":1}", "重写的总体情况", new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc), "督查室"));
        Assert.Equal("重写的总体情况", b.Summary);

        Assert.Null(b.Issue(2026, 5, new DateOnly(2026, 11, 27), new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc), "张主任"));
        Assert.Equal(BulletinStatus.Issued, b.Status);
        Assert.Equal("〔2026〕第5期", b.Number);
        Assert.Equal(new DateOnly(2026, 11, 27), b.IssuedOn);

        Assert.Equal(Refusal.AlreadyIssued, b.Issue(2026, 6, new DateOnly(2026, 11, 28), DateTime.UtcNow, "张主任"));
        Assert.Equal(Refusal.AlreadyIssued, b.Edit("改", "改", "改", "改", "改", null));
        Assert.Equal(Refusal.AlreadyIssued, b.Recompose("{}", "改", DateTime.UtcNow, "改"));
        Assert.Equal("〔2026〕第5期", b.Number);
        Assert.Equal("新标题", b.Title);
        Assert.Equal("{\"x\":1}", b.Figures);
    }

    [Fact]
    public void A_draft_without_a_title_or_summary_is_not_issued()
    {
        var b = Draft();
        b.Summary = " ";
        Assert.Equal(Refusal.StatementRequired, b.Issue(2026, 1, new DateOnly(2026, 11, 27), DateTime.UtcNow, "张主任"));
        Assert.Equal(BulletinStatus.Draft, b.Status);
        Assert.Null(b.Sequence);
    }
}
