using Duban.Sheets;
using Duban.Sheets.Indicators;

namespace Duban.UnitTests.Sheets.Indicators;

/// <summary>Random and mutilated workbooks: the reader answers every one with tables and issues, and never throws.</summary>
public class IndicatorFuzzTests
{
    private static readonly string[] Words =
    [
        "指标", "乡镇", "单位", "计量单位", "1-10月", "累计", "同比±%", "年度目标", "总量", "增速", "排名", "位次", "第3位", "其中：", "一、工业",
        "合计", "全县", "数据来源：", "单位：万元", "2026年1-6月主要经济指标", "（一季度）", "1.2亿", "—", "-", "/", "只公布增速", "备注",
        "１２３", "−2.3", "增长5.6%", "下降", "13月", "9-3月", "当月", "本月", "第", "第十二名", "3/0", "\u0001\u0002", "\t", "'=1+1", "（", "）",
        "①", "99999999999999999999999999999999", "1e308", "NaN", "∞", "亿", "万", "%", "时序进度", "占年度目标", "目标增速",
    ];

    [Fact]
    public void Read_never_throws_on_random_or_mutilated_workbooks()
    {
        var random = new Random(20261);
        for (var i = 0; i < 300; i++)
        {
            var book = i % 3 == 0 ? Mutilated(random, i) : Random(random);
            var read = IndicatorTableReader.Read(book, new IndicatorReadOptions { Year = random.Next(2) == 0 ? 2026 : null });
            Assert.NotEmpty(read.Tables);
        }
    }

    private static Workbook Random(Random random)
    {
        var sheets = new List<SheetSpec>();
        for (var s = random.Next(0, 4); s > 0; s--)
        {
            var rows = new List<object?[]>();
            var merges = new List<MergedRange>();
            var height = random.Next(0, 30);
            var width = random.Next(1, 12);
            for (var r = 0; r < height; r++)
            {
                rows.Add([.. Enumerable.Range(0, random.Next(0, width + 1)).Select(_ => Cell(random))]);
            }

            for (var m = random.Next(0, 6); m > 0 && height > 0; m--)
            {
                var r1 = random.Next(1, height + 1);
                var c1 = random.Next(1, width + 1);
                merges.Add(new MergedRange(r1, c1, r1 + random.Next(0, 3), c1 + random.Next(0, 3)));
            }

            sheets.Add(new SheetSpec($"S{s}", rows, merges));
        }

        if (sheets.Count == 0)
        {
            return new Workbook([]);
        }

        using var stream = new MemoryStream(Books.Bytes([.. sheets]));
        return XlsxReader.Read(stream);
    }

    private static object? Cell(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => (decimal)(random.NextDouble() * Math.Pow(10, random.Next(0, 28)) * (random.Next(2) == 0 ? -1 : 1)),
        2 => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)])),
        3 => new string([.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(0, 0x9FFF))]),
        4 => random.Next(-5, 30),
        _ => Words[random.Next(Words.Length)],
    };

    /// <summary>A generated statistics file with some cells replaced by junk and some rows shuffled.</summary>
    private static Workbook Mutilated(Random random, int seed)
    {
        using var stream = new MemoryStream(IndicatorFamily.Make(seed + 1000).Bytes);
        var book = XlsxReader.Read(stream);
        var sheets = new List<SheetSpec>();
        foreach (var sheet in book.Sheets)
        {
            var rows = new List<object?[]>();
            for (var r = 1; r <= sheet.LastRow; r++)
            {
                var cells = new object?[sheet.ColumnCount];
                for (var c = 1; c <= sheet.ColumnCount; c++)
                {
                    var cell = sheet.Raw(r, c);
                    cells[c - 1] = random.Next(6) == 0 ? Cell(random) : cell?.Number is { } n && Math.Abs(n) < 1e20 ? (decimal)n : cell?.Text;
                }

                rows.Add(cells);
            }

            if (random.Next(2) == 0 && rows.Count > 2)
            {
                var a = random.Next(rows.Count);
                var b = random.Next(rows.Count);
                (rows[a], rows[b]) = (rows[b], rows[a]);
            }

            sheets.Add(new SheetSpec(sheet.Name, rows, [.. sheet.Merges.Where(_ => random.Next(3) > 0)]));
        }

        using var again = new MemoryStream(Books.Bytes([.. sheets]));
        return XlsxReader.Read(again);
    }
}
