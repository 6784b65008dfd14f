using System.Globalization;
using Duban.Domain.Indicators;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

/// <summary>How the indicator screens write figures: amounts as the bureau does, percentages to one decimal, "—" for nothing.</summary>
public static class IndicatorFormat
{
    public static string Amount(decimal? value) => value is { } v ? v.ToString("#,0.####", CultureInfo.InvariantCulture) : "—";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>Growth with its sign: "+5.6", "-2.3".</summary>
    public static string WithSign(decimal? value) => value is { } v ? (v > 0 ? "+" : string.Empty) + v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>A change of rank: "↑2", "↓1", "—" when unchanged or unknown.</summary>
    public static string RankChange(int? change) => change switch
    {
        > 0 => "↑" + change.Value.ToString(CultureInfo.InvariantCulture),
        < 0 => "↓" + (-change.Value).ToString(CultureInfo.InvariantCulture),
        _ => "—",
    };

    /// <summary>"1-10月" for a cumulative period, "10月" for one month.</summary>
    public static string Period(IStringLocalizer l, int? from, int? to)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (to is not { } t)
        {
            return "—";
        }

        return from is { } f && f < t ? l["Indicators.PeriodRange", f, t] : l["Indicators.PeriodMonth", t];
    }

    /// <summary>A small trend line of growth as an inline SVG polyline's points, scaled to a 80 × 20 box.</summary>
    public static string TrendPoints(IReadOnlyList<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var known = values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
        if (known.Count < 2)
        {
            return string.Empty;
        }

        var min = known.Min(p => p.v!.Value);
        var max = known.Max(p => p.v!.Value);
        var span = max == min ? 1 : max - min;
        var step = 80m / Math.Max(1, values.Count - 1);
        return string.Join(' ', known.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.i * step:0.#},{18 - ((p.v!.Value - min) / span * 16):0.#}")));
    }

    public static string KindOf(IStringLocalizer l, IndicatorKind kind)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[$"IndicatorKind.{kind}"];
    }
}
