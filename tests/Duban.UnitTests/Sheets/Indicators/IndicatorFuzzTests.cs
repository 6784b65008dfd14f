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

    private static Workbook Random(Random random) => Books.Random(random, Cell, 12);

    private static object? Cell(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => (decimal)(random.NextDouble() * Math.Pow(10, random.Next(0, 28)) * (random.Next(2) == 0 ? -1 : 1)),
        2 => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)])),
        3 => new string([.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(0, 0x9FFF))]),
        4 => random.Next(-5, 30),
        _ => Words[random.Next(Words.Length)],
    };

    /// <summary>A generated file with some cells replaced by junk, some rows swapped and some merges dropped.</summary>
    private static Workbook Mutilated(Random random, int seed) => Books.Mutilated(IndicatorFamily.Make(seed + 1000).Bytes, random, Cell, 6);
}
