using Duban.Sheets;
using Duban.Sheets.Ledgers;
using Duban.UnitTests.Sheets.Indicators;

namespace Duban.UnitTests.Sheets.Investment;

/// <summary>Random and mutilated investment workbooks: the reader answers every one with rows and issues, and never throws.</summary>
public class InvestmentFuzzTests
{
    private static readonly string[] Words =
    [
        "序号", "项目名称", "投资方", "计划投资额", "推进阶段", "终止", "终止原因：", "已签约", "意向", "首次对接时间", "最近对接时间", "单位：亿元",
        "单位", "带队领导", "出访时间", "对接企业（家）", "形成在谈项目（个）", "备注", "合计", "小计", "一、新能源", "填表单位：", "2026.9.18-9.21",
        "9月18日至21日", "2026年2月", "2026.1", "13月", "9.31-9.2", "2026年9月18日至2025年1月1日", "某科技有限公司、", "、、", "若干", "-", "—", "/",
        "６家", "1e308", "NaN", "∞", "'=1+1", "（", "）", "\u0001", "\t", "99999999999999999999999", "出访情况", "对接情况", "2100.12.31-2101.1.2",
        "0月0日", "2026-02-30", "至", "到", "月", "年", "上旬", "2026年9-3月", "9-10月",
    ];

    [Fact]
    public void Read_never_throws_on_random_or_mutilated_workbooks()
    {
        var random = new Random(20262);
        for (var i = 0; i < 300; i++)
        {
            var book = i % 3 == 0 ? Mutilated(random, i) : Random(random);
            foreach (var kind in new[] { LedgerKind.Leads, LedgerKind.Trips })
            {
                var parse = LedgerReader.Read(book, kind, new LedgerReadOptions { Year = random.Next(2) == 0 ? 2026 : null, Today = 2026 });
                Assert.True(parse.Rows.Count > 0 || parse.Issues.Count > 0);
            }
        }
    }

    [Theory]
    [InlineData("2026.9.31-10.2")]
    [InlineData("2026年13月")]
    [InlineData("2026年9-3月")]
    [InlineData("9.28-3")]
    [InlineData("2026年9月18日至2025年1月1日")]
    [InlineData("2101.1.1-1.2")]
    [InlineData("2026年9-10月上旬")]
    [InlineData("0月0日")]
    public void Impossible_trip_dates_are_errors_not_guesses(string text)
    {
        var read = Values.Span(new SheetCell(text), 2026);

        Assert.True(read.Failed);
        Assert.Null(read.Value);
    }

    [Theory]
    [InlineData("2026.9.28-10.2", "2026-09-28", "2026-10-02", false)]
    [InlineData("2026年12月30日至2027年1月2日", "2026-12-30", "2027-01-02", false)]
    [InlineData("9月18日至21日", "2026-09-18", "2026-09-21", false)]
    [InlineData("2026年9-10月", "2026-09-01", "2026-10-31", true)]
    [InlineData("2026年9月下旬", "2026-09-21", "2026-09-30", true)]
    [InlineData("２０２６．９．１８－９．２１", "2026-09-18", "2026-09-21", false)]
    public void Trip_dates_are_read_as_written(string text, string start, string end, bool approximate)
    {
        var read = Values.Span(new SheetCell(text), 2026);

        Assert.Equal(new DateSpan(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), approximate, text.StartsWith('9')), read.Value);
    }

    private static Workbook Random(Random random)
    {
        var sheets = new List<SheetSpec>();
        for (var s = random.Next(0, 4); s > 0; s--)
        {
            var rows = new List<object?[]>();
            var merges = new List<MergedRange>();
            var height = random.Next(0, 30);
            var width = random.Next(1, 15);
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

        return sheets.Count == 0 ? new Workbook([]) : Books.Book([.. sheets]);
    }

    private static object? Cell(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => (decimal)(random.NextDouble() * Math.Pow(10, random.Next(0, 28)) * (random.Next(2) == 0 ? -1 : 1)),
        2 => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)])),
        3 => new string([.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(0, 0x9FFF))]),
        4 => random.Next(-5, 30),
        5 => new DateOnly(2026, 1, 1).AddDays(random.Next(-3000, 3000)),
        _ => Words[random.Next(Words.Length)],
    };

    /// <summary>A generated investment file with some cells replaced by junk, some rows swapped and some merges dropped.</summary>
    private static Workbook Mutilated(Random random, int seed)
    {
        var book = XlsxReader.Read(new MemoryStream(InvestmentFamily.Make(seed + 1000).Bytes));
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
                    cells[c - 1] = random.Next(5) == 0 ? Cell(random) : cell?.Number is { } n && Math.Abs(n) < 1e20 ? (decimal)n : cell?.Text;
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

        return Books.Book([.. sheets]);
    }
}
