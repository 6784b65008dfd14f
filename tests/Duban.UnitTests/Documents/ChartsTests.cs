using Duban.Documents;
using SkiaSharp;

namespace Duban.UnitTests.Documents;

public class ChartsTests
{
    [Fact]
    public void A_bar_chart_is_a_PNG_one_bar_taller_per_category_with_the_series_colours_in_it()
    {
        var one = Charts.StackedBars("亮灯", ["县发改局"], [new("红灯", Charts.Red, [3])]);
        var three = Charts.StackedBars("亮灯", ["县发改局", "城关镇", "河口镇"], [new("红灯", Charts.Red, [3, 1, 0]), new("黄灯", Charts.Yellow, [0, 2, 5])]);
        Assert.True(three.Height > one.Height);
        using var bitmap = SKBitmap.Decode(three.Png);
        Assert.Equal(three.Width, bitmap.Width);
        Assert.Equal(three.Height, bitmap.Height);
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        Assert.Contains(Charts.Red, colours);
        Assert.Contains(Charts.Yellow, colours);
    }

    [Fact]
    public void A_line_chart_draws_with_nothing_to_show_and_with_one_point()
    {
        Assert.NotEmpty(Charts.Lines("趋势", [], []).Png);
        Assert.NotEmpty(Charts.Lines("趋势", ["11/23"], [new("新增红灯", Charts.Red, [0])]).Png);
        Assert.NotEmpty(Charts.StackedBars("亮灯", [], []).Png);
    }

    [Fact]
    public void The_chart_font_draws_Chinese()
    {
        // scripts/test.sh installs fonts-noto-cjk, and the Simplified Chinese face of the collection is the one taken.
        Assert.True(ChartFonts.HasChinese, ChartFonts.Typeface.FamilyName);
        Assert.EndsWith(" SC", ChartFonts.Typeface.FamilyName, StringComparison.Ordinal);
    }
}
