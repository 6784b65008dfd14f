namespace Duban.Domain.Work;

public enum CadenceKind
{
    None = 0,
    Weekly = 1,
    Biweekly = 2,
    Monthly = 3,
    Quarterly = 4,
}

/// <summary>
/// How often a unit must report, and when: "every Friday 15:00" is Weekly, day 5, hour 15;
/// "monthly on the 25th at 17:00" is Monthly, day 25, hour 17; quarterly is that day of the quarter's
/// last month. Every-two-weeks counts fortnights from the first due point on or after the anchor date.
/// All times are local to the region.
/// </summary>
public readonly record struct ReportingCadence(CadenceKind Kind, int Day, int Hour)
{
    public static readonly ReportingCadence None = new(CadenceKind.None, 0, 0);

    public static ReportingCadence WeeklyOn(DayOfWeek day, int hour) => new(CadenceKind.Weekly, day == DayOfWeek.Sunday ? 7 : (int)day, hour);

    /// <summary>
    /// The one rule for when a cadence falls due unless the office says otherwise, whichever way the item came
    /// in (form, API, import): weekly and fortnightly on Friday at 15:00, so that the week's report is in
    /// before the Friday bulletin; monthly and quarterly on the 25th at 17:00, before the month's close.
    /// </summary>
    public static ReportingCadence Default(CadenceKind kind) => kind switch
    {
        CadenceKind.None => None,
        CadenceKind.Weekly or CadenceKind.Biweekly => new(kind, 5, 15),
        CadenceKind.Monthly or CadenceKind.Quarterly => new(kind, 25, 17),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such cadence."),
    };

    /// <summary>The cadence a new item gets when nobody chose one: tasks report weekly, key projects monthly.</summary>
    public static ReportingCadence DefaultFor(WorkItemKind kind) => kind switch
    {
        WorkItemKind.KeyProject => Default(CadenceKind.Monthly),
        WorkItemKind.Indicator => None, // the bureau's figures are the report
        WorkItemKind.Lead => None, // its contacts are its reports: the light counts the days since the latest
        WorkItemKind.Task or WorkItemKind.Problem => Default(CadenceKind.Weekly),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such kind."),
    };

    /// <summary>This cadence with the day and hour given, each falling back to the default.</summary>
    public static ReportingCadence Of(CadenceKind kind, int? day, int? hour)
    {
        var d = Default(kind);
        return kind == CadenceKind.None ? None : new(kind, day ?? d.Day, hour ?? d.Hour);
    }

    public bool IsValid(out string? error)
    {
        error = Kind switch
        {
            CadenceKind.None => null,
            CadenceKind.Weekly or CadenceKind.Biweekly when Day is < 1 or > 7 => "Cadence.WeekdayRange",
            CadenceKind.Monthly or CadenceKind.Quarterly when Day is < 1 or > 31 => "Cadence.DayRange",
            _ when Hour is < 0 or > 23 => "Cadence.HourRange",
            _ => null,
        };
        return error is null;
    }

    /// <summary>The first due instant strictly after <paramref name="after"/> (local time, no offset).</summary>
    public DateTime? NextDueAfter(DateTime after, DateOnly anchor)
    {
        switch (Kind)
        {
            case CadenceKind.None:
                return null;
            case CadenceKind.Weekly:
                return NextWeekday(after);
            case CadenceKind.Biweekly:
                var first = NextWeekday(anchor.ToDateTime(TimeOnly.MinValue).AddTicks(-1));
                if (first > after)
                {
                    return first;
                }

                var weeks = (int)Math.Floor((after - first).TotalDays / 14) * 14;
                var candidate = first.AddDays(weeks);
                return candidate > after ? candidate : candidate.AddDays(14);
            case CadenceKind.Monthly:
            case CadenceKind.Quarterly:
                var step = Kind == CadenceKind.Monthly ? 1 : 3;
                var month = new DateTime(after.Year, after.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
                if (Kind == CadenceKind.Quarterly)
                {
                    month = month.AddMonths((3 - (after.Month % 3)) % 3);
                }

                for (var i = 0; i < 3; i++, month = month.AddMonths(step))
                {
                    var due = AtDay(month);
                    if (due > after)
                    {
                        return due;
                    }
                }

                throw new InvalidOperationException("Unreachable: a due point lies within three periods.");
            default:
                throw new ArgumentOutOfRangeException(nameof(after), Kind, null);
        }
    }

    /// <summary>The due instant one period before <paramref name="due"/>; used to count missed reports.</summary>
    public DateTime PeriodBefore(DateTime due) => Kind switch
    {
        CadenceKind.Weekly => due.AddDays(-7),
        CadenceKind.Biweekly => due.AddDays(-14),
        CadenceKind.Monthly => AtDay(due.AddMonths(-1)),
        CadenceKind.Quarterly => AtDay(due.AddMonths(-3)),
        _ => throw new InvalidOperationException("A task without a cadence has no periods."),
    };

    private DateTime NextWeekday(DateTime after)
    {
        var target = (DayOfWeek)(Day % 7);
        var date = after.Date;
        for (var i = 0; i < 8; i++, date = date.AddDays(1))
        {
            if (date.DayOfWeek == target)
            {
                var due = date.AddHours(Hour);
                if (due > after)
                {
                    return due;
                }
            }
        }

        throw new InvalidOperationException("Unreachable: a weekday recurs within eight days.");
    }

    private DateTime AtDay(DateTime month)
    {
        var day = Math.Min(Day, DateTime.DaysInMonth(month.Year, month.Month));
        return new DateTime(month.Year, month.Month, day, Hour, 0, 0, DateTimeKind.Unspecified);
    }
}
