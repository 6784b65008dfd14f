using System.Globalization;
using SkiaSharp;

namespace Duban.Documents;

public sealed record ChartSeries(string Name, uint Color, IReadOnlyList<double> Values);

public sealed record ChartImage(byte[] Png, int Width, int Height);

/// <summary>
/// Charts drawn on the server for documents (a bulletin's .docx cannot run ECharts): stacked horizontal bars
/// and lines, as PNG, with a CJK font found on the machine (<see cref="ChartFonts"/>).
/// </summary>
public static class Charts
{
    public const uint Red = 0xFFD63939;
    public const uint Yellow = 0xFFF59F00;
    public const uint Green = 0xFF2FB344;
    public const uint Grey = 0xFF9AA0AC;
    public const uint Blue = 0xFF206BC4;

    private const float Scale = 2f; // drawn at twice the size it is laid out at, for print

    /// <summary>One bar per category (e.g. a unit), its series stacked (red, yellow, green…), largest first as given.</summary>
    public static ChartImage StackedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, int width = 760)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const float barHeight = 18, gap = 8, top = 48, bottom = 40;
        var labelWidth = 150f;
        var height = (int)(top + bottom + Math.Max(1, categories.Count) * (barHeight + gap));
        return Draw(width, height, (canvas, font, small) =>
        {
            Title(canvas, font, title, width);
            var totals = categories.Select((_, i) => series.Sum(s => i < s.Values.Count ? s.Values[i] : 0)).ToList();
            var max = Math.Max(1, totals.Count == 0 ? 1 : totals.Max());
            var plotLeft = labelWidth + 8;
            var plotWidth = width - plotLeft - 48;
            using var text = new SKPaint { Color = new SKColor(0xFF333333), IsAntialias = true };
            using var axis = new SKPaint { Color = new SKColor(0xFFCCCCCC), StrokeWidth = 1, IsAntialias = true };
            canvas.DrawLine(plotLeft, top - 4, plotLeft, height - bottom + 4, axis);
            for (var i = 0; i < categories.Count; i++)
            {
                var y = top + i * (barHeight + gap);
                var label = Fit(categories[i], small, labelWidth);
                canvas.DrawText(label, labelWidth, y + barHeight - 4, SKTextAlign.Right, small, text);
                var x = plotLeft;
                foreach (var s in series)
                {
                    var v = i < s.Values.Count ? s.Values[i] : 0;
                    if (v <= 0)
                    {
                        continue;
                    }

                    var w = (float)(v / max * plotWidth);
                    using var fill = new SKPaint { Color = new SKColor(s.Color), IsAntialias = true };
                    canvas.DrawRect(x, y, w, barHeight, fill);
                    x += w;
                }

                canvas.DrawText(totals[i].ToString("0.##", CultureInfo.InvariantCulture), x + 4, y + barHeight - 4, SKTextAlign.Left, small, text);
            }

            Legend(canvas, small, series, width, height - 14);
        });
    }

    /// <summary>Lines over categories (e.g. weeks), one per series, with their values marked.</summary>
    public static ChartImage Lines(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, int width = 760, int height = 300)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        return Draw(width, height, (canvas, font, small) =>
        {
            Title(canvas, font, title, width);
            const float left = 48, top = 48, bottomSpace = 64;
            var right = width - 24f;
            var plotHeight = height - top - bottomSpace;
            var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
            var step = NiceStep(max);
            var ceiling = Math.Ceiling(max / step) * step;
            using var grid = new SKPaint { Color = new SKColor(0xFFE6E7E9), StrokeWidth = 1, IsAntialias = true };
            using var text = new SKPaint { Color = new SKColor(0xFF555555), IsAntialias = true };
            for (var v = 0.0; v <= ceiling + 1e-9; v += step)
            {
                var y = top + plotHeight - (float)(v / ceiling * plotHeight);
                canvas.DrawLine(left, y, right, y, grid);
                canvas.DrawText(v.ToString("0.##", CultureInfo.InvariantCulture), left - 6, y + 4, SKTextAlign.Right, small, text);
            }

            var n = Math.Max(1, categories.Count);
            float X(int i) => n == 1 ? (left + right) / 2 : left + 12 + i * (right - left - 24) / (n - 1);
            for (var i = 0; i < categories.Count; i++)
            {
                canvas.DrawText(categories[i], X(i), top + plotHeight + 18, SKTextAlign.Center, small, text);
            }

            foreach (var s in series)
            {
                using var stroke = new SKPaint { Color = new SKColor(s.Color), StrokeWidth = 2.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
                using var dot = new SKPaint { Color = new SKColor(s.Color), IsAntialias = true };
                using var path = new SKPath();
                for (var i = 0; i < s.Values.Count && i < categories.Count; i++)
                {
                    var y = top + plotHeight - (float)(s.Values[i] / ceiling * plotHeight);
                    if (i == 0)
                    {
                        path.MoveTo(X(i), y);
                    }
                    else
                    {
                        path.LineTo(X(i), y);
                    }
                }

                canvas.DrawPath(path, stroke);
                for (var i = 0; i < s.Values.Count && i < categories.Count; i++)
                {
                    var y = top + plotHeight - (float)(s.Values[i] / ceiling * plotHeight);
                    canvas.DrawCircle(X(i), y, 3.5f, dot);
                }
            }

            Legend(canvas, small, series, width, height - 14);
        });
    }

    private static ChartImage Draw(int width, int height, Action<SKCanvas, SKFont, SKFont> paint)
    {
        var info = new SKImageInfo((int)(width * Scale), (int)(height * Scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        using var font = new SKFont(ChartFonts.Typeface, 16) { Edging = SKFontEdging.Antialias };
        using var small = new SKFont(ChartFonts.Typeface, 12) { Edging = SKFontEdging.Antialias };
        paint(canvas, font, small);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return new ChartImage(data.ToArray(), info.Width, info.Height);
    }

    private static void Title(SKCanvas canvas, SKFont font, string title, int width)
    {
        using var paint = new SKPaint { Color = new SKColor(0xFF1D273B), IsAntialias = true };
        canvas.DrawText(title, width / 2f, 26, SKTextAlign.Center, font, paint);
    }

    private static void Legend(SKCanvas canvas, SKFont font, IReadOnlyList<ChartSeries> series, int width, float y)
    {
        var widths = series.Select(s => 16 + font.MeasureText(s.Name) + 18).ToList();
        var x = (width - widths.Sum()) / 2;
        using var text = new SKPaint { Color = new SKColor(0xFF333333), IsAntialias = true };
        for (var i = 0; i < series.Count; i++)
        {
            using var fill = new SKPaint { Color = new SKColor(series[i].Color), IsAntialias = true };
            canvas.DrawRect(x, y - 10, 12, 12, fill);
            canvas.DrawText(series[i].Name, x + 16, y, SKTextAlign.Left, font, text);
            x += widths[i];
        }
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        for (var n = text.Length - 1; n > 1; n--)
        {
            var cut = text[..n] + "…";
            if (font.MeasureText(cut) <= width)
            {
                return cut;
            }
        }

        return text[..1];
    }

    private static double NiceStep(double max)
    {
        var rough = max / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var unit = rough / power;
        var nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
        return Math.Max(1, nice * power);
    }
}

/// <summary>
/// The font charts are drawn with: one that has Chinese glyphs, from the configured file or the usual places
/// on Debian (fonts-noto-cjk, fonts-wqy-microhei), Windows and macOS; Skia's default when none is found.
/// </summary>
public static class ChartFonts
{
    private static readonly Lazy<SKTypeface> Found = new(() => Find(Environment.GetEnvironmentVariable("DUBAN_CHART_FONT")));

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
        "/System/Library/Fonts/PingFang.ttc",
    ];

    public static SKTypeface Typeface => Found.Value;

    /// <summary>Whether the font found can draw Chinese; without one, labels come out as boxes.</summary>
    public static bool HasChinese => Typeface.ContainsGlyphs("督办");

    private static SKTypeface Find(string? configured)
    {
        foreach (var path in new[] { configured }.Concat(Candidates))
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                continue;
            }

            // A collection holds several faces (JP, KR, SC, TC…): prefer Simplified Chinese.
            SKTypeface? first = null;
            for (var index = 0; index < 10; index++)
            {
                var face = SKTypeface.FromFile(path, index);
                if (face is null)
                {
                    break;
                }

                if (face.FamilyName.EndsWith(" SC", StringComparison.Ordinal))
                {
                    first?.Dispose();
                    return face;
                }

                if (first is null)
                {
                    first = face;
                }
                else
                {
                    face.Dispose();
                }
            }

            if (first is not null && first.ContainsGlyphs("督办"))
            {
                return first;
            }

            first?.Dispose();
        }

        return SKTypeface.Default;
    }
}
