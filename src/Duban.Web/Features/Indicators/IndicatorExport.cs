using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Sheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

/// <summary>
/// The board as the office lays it out for a meeting: a title with the region and period, the indicators numbered
/// with their parts as "其中", figures against target and time with the light coloured; then one sheet per
/// indicator decomposed to units, ranked. Only what the reader may see.
/// </summary>
public sealed class IndicatorExport(DubanDb db, IStringLocalizer<SharedResource> l)
{
    public async Task WriteAsync(Stream output, AccessScope scope, int year, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var board = await IndicatorQueries.BoardAsync(db, scope, year, ct);
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == scope.RegionId).Select(r => r.Name).FirstAsync(ct);
        string[] headers = ["序号", "指标", "计量单位", "期间", "本期累计", "同比±%", "年度目标", "目标增速%", "完成率%", "时序进度%", "比时序进度", "位次", "亮灯"];
        await using var writer = new XlsxWriter(output);
        writer.StartSheet(new SheetLayout { Name = "主要经济指标", ColumnWidths = [6, 28, 10, 10, 14, 10, 14, 10, 10, 10, 11, 9, 22], FrozenRows = 3, PrintTitleRows = (3, 3) });
        writer.WriteRow([CellValue.Of($"{region}{year}年{(board.PeriodTo is { } p ? $"1-{p}月" : string.Empty)}主要经济指标完成情况", CellStyle.Title)], 32);
        writer.Merge(1, 1, 1, headers.Length);
        writer.WriteRow([CellValue.Of($"统计截止：{today:yyyy年M月d日}            导出：督办系统", CellStyle.Note)]);
        writer.Merge(2, 1, 2, headers.Length);
        writer.WriteRow(headers.Select(h => (CellValue?)CellValue.Of(h, CellStyle.Header)).ToList(), 30);
        var number = 0;
        foreach (var r in board.Rows)
        {
            var part = r.Depth > 0;
            writer.WriteRow(
            [
                CellValue.Of(part ? string.Empty : (++number).ToString(System.Globalization.CultureInfo.InvariantCulture), CellStyle.Centered),
                CellValue.Of((part ? "其中：" : string.Empty) + r.Indicator.Name),
                CellValue.Of(r.Indicator.Measure, CellStyle.Centered),
                CellValue.Of(IndicatorFormat.Period(l, r.PeriodFrom, r.PeriodTo), CellStyle.Centered),
                CellValue.Of(r.Value),
                CellValue.Of(r.Yoy),
                CellValue.Of(r.Target),
                CellValue.Of(r.TargetGrowth),
                CellValue.Of(r.Completion),
                CellValue.Of(r.TimeProgress),
                CellValue.Of(r.Gap is { } g ? -g : null),
                CellValue.Of(r.Rank is { } rank ? $"{rank}/{r.Peers}" : null, CellStyle.Centered),
                CellValue.Of(l.Of(r.Light) + (r.Light is Light.Red or Light.Yellow ? "：" + new Tasks.LightView(r.Light, r.LightReason, null, null, r.LightNumber).ReasonText(l) : string.Empty), StyleOf(r.Light)),
            ]);
        }

        foreach (var r in board.Rows)
        {
            var comparison = await IndicatorQueries.CompareAsync(db, scope, r.Indicator.Id, year, null, null, ct);
            if (comparison is null || comparison.Rows.Count == 0)
            {
                continue;
            }

            writer.StartSheet(new SheetLayout { Name = Sheet(r.Indicator.Name), ColumnWidths = [8, 22, 14, 10, 14, 10, 11, 12], FrozenRows = 3 });
            writer.WriteRow([CellValue.Of($"{year}年{IndicatorFormat.Period(l, 1, comparison.PeriodTo)}各单位{r.Indicator.Name}" + (r.Indicator.Measure is { } m ? $"（{m}）" : string.Empty), CellStyle.Title)], 28);
            writer.Merge(1, 1, 1, 8);
            writer.WriteRow([CellValue.Of(comparison.RankBy == "completion" ? "按完成率排序" : "按同比增速排序", CellStyle.Note)]);
            writer.Merge(2, 1, 2, 8);
            writer.WriteRow(UnitHeaders.Select(h => (CellValue?)CellValue.Of(h, CellStyle.Header)).ToList(), 24);
            foreach (var c in comparison.Rows)
            {
                writer.WriteRow(
                [
                    CellValue.Of(c.Rank),
                    CellValue.Of(c.Unit),
                    CellValue.Of(c.Value),
                    CellValue.Of(c.Yoy),
                    CellValue.Of(c.Target),
                    CellValue.Of(c.Completion),
                    CellValue.Of(c.Gap is { } g ? -g : null),
                    CellValue.Of(c.Light is { } light ? l.Of(light) : null, c.Light is { } s ? StyleOf(s) : CellStyle.Text),
                ]);
            }
        }
    }

    private static readonly string[] UnitHeaders = ["位次", "单位", "本期累计", "同比±%", "年度目标", "完成率%", "比时序进度", "亮灯"];

    private static CellStyle StyleOf(Light light) => light switch
    {
        Light.Red => CellStyle.LightRed,
        Light.Yellow => CellStyle.LightYellow,
        Light.Green => CellStyle.LightGreen,
        _ => CellStyle.LightGrey,
    };

    /// <summary>A sheet name Excel takes: at most 31 characters, none of []:*?/\.</summary>
    private static string Sheet(string name)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
