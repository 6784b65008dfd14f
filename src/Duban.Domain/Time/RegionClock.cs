namespace Duban.Domain;

/// <summary>
/// "Today" for deadlines is the date in the region's time zone, never the server's.
/// A report at 23:30 UTC on 31 March is already 1 April in Asia/Shanghai.
/// </summary>
public static class RegionClock
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    public static DateOnly Today(TimeProvider clock, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(LocalNow(clock, timeZoneId).DateTime);
    }

    public static DateTimeOffset LocalNow(TimeProvider clock, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
    }

    /// <summary>
    /// A UTC instant cut to whole microseconds, the precision both databases keep: a value written and then
    /// used to find the same rows again must come back unchanged.
    /// </summary>
    public static DateTime Stored(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public static bool IsKnownTimeZone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);
}
