using Duban.Domain;

namespace Duban.UnitTests.Time;

public class RegionClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2026-03-31T15:59:59Z", "2026-03-31")] // 23:59:59 in Shanghai
    [InlineData("2026-03-31T16:00:00Z", "2026-04-01")] // midnight in Shanghai, still 31 March in UTC
    [InlineData("2026-12-31T16:30:00Z", "2027-01-01")] // the new year comes eight hours early
    public void Today_is_the_date_in_the_region_not_on_the_server(string utc, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RegionClock.Today(clock, RegionClock.DefaultTimeZoneId));
    }

    [Fact]
    public void Another_time_zone_gives_another_today()
    {
        // 16:30 UTC is 00:30 on 1 July in Shanghai (UTC+8) and 22:30 on 30 June in Urumqi (UTC+6).
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 7, 1), RegionClock.Today(clock, "Asia/Shanghai"));
        Assert.Equal(new DateOnly(2026, 6, 30), RegionClock.Today(clock, "Asia/Urumqi"));
    }

    [Fact]
    public void Unknown_time_zones_are_recognised()
    {
        Assert.True(RegionClock.IsKnownTimeZone("Asia/Shanghai"));
        Assert.False(RegionClock.IsKnownTimeZone("Mars/Olympus_Mons"));
    }
}
