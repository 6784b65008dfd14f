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

    private static Workbook Random(Random random) => Books.Random(random, Cell, 15);

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

    /// <summary>A generated file with some cells replaced by junk, some rows swapped and some merges dropped.</summary>
    private static Workbook Mutilated(Random random, int seed) => Books.Mutilated(InvestmentFamily.Make(seed + 1000).Bytes, random, Cell, 5);
}
