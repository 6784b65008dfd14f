namespace Duban.Domain.Work;

/// <summary>
/// The official calendar of a region: weekends are rest days and weekdays workdays, unless the State
/// Council's notice says otherwise — a holiday on a weekday (国庆节) or a make-up workday on a weekend (调休).
/// </summary>
public sealed class WorkdayCalendar(IReadOnlyDictionary<DateOnly, bool> overrides)
{
    public static readonly WorkdayCalendar Plain = new(new Dictionary<DateOnly, bool>());

    public bool IsWorkday(DateOnly date) =>
        overrides.TryGetValue(date, out var isWorkday) ? isWorkday : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date <paramref name="workdays"/> workdays after <paramref name="from"/>; "within 5 workdays" of a Friday is the next Friday.</summary>
    public DateOnly AddWorkdays(DateOnly from, int workdays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workdays);
        var date = from;
        var counted = 0;
        while (counted < workdays)
        {
            date = date.AddDays(1);
            if (IsWorkday(date))
            {
                counted++;
            }
        }

        return date;
    }

    public int WorkdaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkday(d))
            {
                count++;
            }
        }

        return count;
    }
}
