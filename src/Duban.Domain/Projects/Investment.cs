namespace Duban.Domain.Projects;

/// <summary>
/// Investment against the annual plan and the time gone (序时进度). Time progress at a date is the share of
/// the year's complete months: in November (data through October) it is 10 ÷ 12 = 83 %, unless the region
/// sets a monthly curve (cumulative percentages for the end of each month, e.g. a slow first quarter).
/// Amounts are in 万元; percentages are whole points, rounded down.
/// </summary>
public static class Investment
{
    public static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;

    /// <summary>Complete months of the year before <paramref name="today"/>'s month (0 in January).</summary>
    public static int MonthsGone(DateOnly today) => today.Month - 1;

    /// <summary>The share of the annual plan that should be done by <paramref name="today"/>, in points.</summary>
    public static int TimeProgress(DateOnly today, IReadOnlyList<int>? curve = null)
    {
        var months = MonthsGone(today);
        if (months == 0)
        {
            return 0;
        }

        return curve is { Count: 12 } ? curve[months - 1] : months * 100 / 12;
    }

    /// <summary>Done as a share of the plan, in points; null without a plan. A plan of a few yuan against millions done stops at int.MaxValue rather than overflowing.</summary>
    public static int? Completion(decimal done, decimal? plan) =>
        plan is > 0 ? (int)decimal.Clamp(decimal.Floor(done * 100m / plan.Value), int.MinValue, int.MaxValue) : null;

    /// <summary>How many points the investment is behind time (negative when ahead); null without a plan.</summary>
    public static int? Gap(int timeProgress, int? completion) => completion is { } c ? timeProgress - c : null;

    /// <summary>
    /// Reads a curve as the region writes it: twelve cumulative percentages, separated by commas, rising to
    /// 100. Returns null (and the reason) when it is not one.
    /// </summary>
    public static IReadOnlyList<int>? ParseCurve(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries);
        var values = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) || v is < 0 or > 100)
            {
                problem = "CurveNumbers";
                return null;
            }

            values.Add(v);
        }

        if (values.Count != 12)
        {
            problem = "CurveTwelve";
            return null;
        }

        for (var i = 1; i < 12; i++)
        {
            if (values[i] < values[i - 1])
            {
                problem = "CurveRising";
                return null;
            }
        }

        if (values[11] != 100)
        {
            problem = "CurveEnds";
            return null;
        }

        return values;
    }
}
