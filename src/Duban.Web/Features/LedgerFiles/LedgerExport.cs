using System.Globalization;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Sheets;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>
/// Writes a ledger to .xlsx the way offices lay it out: title row, note row (unit, date), a two-row header with
/// merged group headers, section rows, a totals row with formulas, lights as coloured cells, the header frozen
/// and repeated on every printed A3 landscape page. Only the items the viewer may see are written. Rows are
/// streamed from the database to the response; nothing holds the whole ledger.
/// </summary>
public sealed class LedgerExport(DubanDb db)
{
    // Items without a section come first, before any section row, so that reading the sheet back does not put them in the last section.
    private sealed record Line(int Id, string? Number, string Name, string? Content, string? Section, string? Leader, string LeadUnit, string? Liaison, DateOnly? Deadline, Light Light, string? Done, string? Problems);

    private sealed record ProjectLine(int WorkItemId, ProjectNature Nature, int? StartYear, int? EndYear, decimal Total, ProjectStage Stage, string? Town, double? Longitude, double? Latitude, string? Scale);

    public static string FileName(Ledger ledger, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return $"{ledger.Name}-{today:yyyyMMdd}.xlsx";
    }

    public async Task WriteAsync(Stream output, Ledger ledger, AccessScope scope, WorkItemKind kind, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var items = db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.LedgerId == ledger.Id && w.Kind == kind);
        var sections = (await items.GroupBy(w => w.Section).Select(g => new { Section = g.Key, First = g.Min(w => w.Id) }).ToListAsync(ct))
            .OrderBy(s => s.Section is not null).ThenBy(s => s.First).Select(s => s.Section).ToList();

        var supporting = await db.WorkItemUnits.AsNoTracking().Where(s => items.Any(w => w.Id == s.WorkItemId))
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.WorkItemId, u.Name }).ToListAsync(ct);
        var supportByItem = supporting.GroupBy(s => s.WorkItemId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(x => x.Name)));
        var milestones = kind == WorkItemKind.Task
            ? (await db.Milestones.AsNoTracking().Where(m => items.Any(w => w.Id == m.WorkItemId)).OrderBy(m => m.SortOrder).ThenBy(m => m.Due).Select(m => new { m.WorkItemId, m.Name }).ToListAsync(ct))
                .GroupBy(m => m.WorkItemId).ToDictionary(g => g.Key, g => string.Join("；", g.Select(x => x.Name)))
            : [];
        var projects = kind == WorkItemKind.KeyProject
            ? await db.Projects.AsNoTracking().Where(p => items.Any(w => w.Id == p.WorkItemId))
                .Select(p => new ProjectLine(p.WorkItemId, p.Nature, p.StartYear, p.EndYear, p.TotalInvestment, p.Stage, db.Units.Where(u => u.Id == p.TownUnitId).Select(u => u.Name).FirstOrDefault(), p.Longitude, p.Latitude, p.Scale))
                .ToDictionaryAsync(p => p.WorkItemId, ct)
            : [];
        var year = ledger.Year;
        var month = today.Year == year ? today.Month : 12;
        var plans = kind == WorkItemKind.KeyProject
            ? await db.ProjectYearPlans.AsNoTracking().Where(p => p.Year == year && items.Any(w => w.Id == p.WorkItemId)).ToDictionaryAsync(p => p.WorkItemId, p => p.Amount, ct)
            : [];
        var done = kind == WorkItemKind.KeyProject
            ? await db.ProjectInvestments.AsNoTracking().Where(i => i.Year == year && i.Month <= month && items.Any(w => w.Id == i.WorkItemId))
                .GroupBy(i => i.WorkItemId).Select(g => new { g.Key, Sum = g.Sum(i => i.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct)
            : [];

        var columns = kind == WorkItemKind.Task ? TaskColumns : ProjectColumns(year, month);
        await using var writer = new XlsxWriter(output);
        writer.StartSheet(new SheetLayout
        {
            Name = kind == WorkItemKind.Task ? "任务清单" : "项目台账",
            ColumnWidths = columns.Select(c => c.Width).ToList(),
            FrozenRows = 4,
            PrintTitleRows = (3, 4),
        });
        var width = columns.Count;
        writer.WriteRow([CellValue.Of(ledger.Name, CellStyle.Title)], 32);
        writer.Merge(1, 1, 1, width);
        var note = kind == WorkItemKind.KeyProject
            ? $"单位：万元            统计截止：{today:yyyy年M月d日}            导出：督办系统"
            : $"导出时间：{today:yyyy年M月d日}            导出：督办系统";
        writer.WriteRow([CellValue.Of(note, CellStyle.Note)]);
        writer.Merge(2, 1, 2, width);
        WriteHeader(writer, columns);

        var firstData = writer.NextRow;
        decimal total = 0, planned = 0, completed = 0;
        var count = 0;
        var sectionNumber = 0;
        foreach (var section in sections)
        {
            if (section is not null)
            {
                sectionNumber++;
                var r = writer.WriteRow([CellValue.Of($"{Numeral(sectionNumber)}、{section}", CellStyle.Section)]);
                writer.Merge(r, 1, r, width);
            }

            var lines = items.Where(w => w.Section == section).OrderBy(w => w.Id).Select(w => new Line(
                w.Id,
                w.Number,
                w.Name,
                w.Content,
                w.Section,
                db.People.Where(p => p.Id == w.LeaderId).Select(p => p.Name).FirstOrDefault(),
                db.Units.Where(u => u.Id == w.LeadUnitId).Select(u => u.Name).First(),
                db.People.Where(p => p.Id == w.LiaisonId).Select(p => p.Name).FirstOrDefault(),
                w.Deadline,
                w.Light,
                db.ProgressReports.Where(r => r.WorkItemId == w.Id).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Select(r => r.Done).FirstOrDefault(),
                db.ProgressReports.Where(r => r.WorkItemId == w.Id).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Select(r => r.Problems).FirstOrDefault()));
            await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(ct))
            {
                count++;
                var number = CellValue.Of(line.Number ?? count.ToString(CultureInfo.InvariantCulture), CellStyle.Centered);
                var support = supportByItem.GetValueOrDefault(line.Id);
                if (kind == WorkItemKind.Task)
                {
                    writer.WriteRow([
                        number, CellValue.Of(line.Name), CellValue.Of(line.Content), CellValue.Of(milestones.GetValueOrDefault(line.Id)),
                        CellValue.Of(line.Leader), CellValue.Of(line.LeadUnit), CellValue.Of(support), CellValue.Of(line.Deadline),
                        CellValue.Of(line.Done == "—" ? null : line.Done), CellValue.Of(line.Problems), LightCell(line.Light),
                    ]);
                }
                else
                {
                    var p = projects.GetValueOrDefault(line.Id);
                    var plan = plans.TryGetValue(line.Id, out var pl) ? pl : (decimal?)null;
                    var sum = done.TryGetValue(line.Id, out var d) ? d : (decimal?)null;
                    total += p?.Total ?? 0;
                    planned += plan ?? 0;
                    completed += sum ?? 0;
                    var row = writer.NextRow;
                    writer.WriteRow([
                        number, CellValue.Of(line.Name), CellValue.Of(p?.Scale ?? line.Content), CellValue.Of(p is null ? null : NatureText(p.Nature)),
                        CellValue.Of(p?.StartYear is { } sy ? p.EndYear is { } ey && ey != sy ? $"{sy}-{ey}" : $"{sy}" : null, CellStyle.Centered),
                        CellValue.Of(p?.Total), CellValue.Of(plan), CellValue.Of(sum),
                        CellValue.Calc($"IF(N(G{row})=0,\"\",ROUND(H{row}/G{row}*100,1))", plan is > 0 && sum is not null ? Math.Round(sum.Value / plan.Value * 100, 1) : null, CellStyle.Percent),
                        CellValue.Of(line.Done == "—" ? null : line.Done), CellValue.Of(p is null ? null : StageText(p.Stage), CellStyle.Centered), CellValue.Of(line.Problems),
                        CellValue.Of(line.Leader), CellValue.Of(line.LeadUnit), CellValue.Of(line.Liaison), CellValue.Of(p?.Town),
                        CellValue.Of(p?.Longitude is { } lon && p.Latitude is { } lat ? string.Create(CultureInfo.InvariantCulture, $"{lon:0.0000},{lat:0.0000}") : null, CellStyle.Centered),
                        LightCell(line.Light),
                    ]);
                }
            }
        }

        var lastData = writer.NextRow - 1;
        var totals = writer.NextRow;
        if (kind == WorkItemKind.Task)
        {
            writer.WriteRow([CellValue.Of("合计", CellStyle.Total), CellValue.Calc($"COUNTA(B{firstData}:B{lastData})", count, CellStyle.Total)]);
        }
        else
        {
            writer.WriteRow([
                CellValue.Of("合计", CellStyle.Total), CellValue.Calc($"COUNTA(B{firstData}:B{lastData})", count, CellStyle.Total), null, null, null,
                CellValue.Calc($"SUM(F{firstData}:F{lastData})", total, CellStyle.Total), CellValue.Calc($"SUM(G{firstData}:G{lastData})", planned, CellStyle.Total),
                CellValue.Calc($"SUM(H{firstData}:H{lastData})", completed, CellStyle.Total),
                CellValue.Calc($"IF(G{totals}=0,\"\",ROUND(H{totals}/G{totals}*100,1))", planned > 0 ? Math.Round(completed / planned * 100, 1) : null, CellStyle.Percent),
            ]);
        }
    }

    private sealed record Column(string Header, string? Group, double Width);

    private static readonly IReadOnlyList<Column> TaskColumns =
    [
        new("序号", null, 6), new("重点任务", null, 24), new("具体目标（量化指标）", null, 32), new("时间节点", null, 28),
        new("责任领导", "责任分工", 10), new("牵头单位", "责任分工", 16), new("配合单位", "责任分工", 18), new("完成时限", null, 12),
        new("进展情况", "推进情况", 30), new("存在问题及下步打算", "推进情况", 26), new("亮灯", "推进情况", 8),
    ];

    private static List<Column> ProjectColumns(int year, int month) =>
    [
        new("序号", null, 6), new("项目名称", null, 26), new("建设内容及规模", null, 30), new("建设性质", null, 8), new("建设起止年限", null, 11),
        new("总投资", "投资情况", 12), new($"{year}年计划投资", "投资情况", 12), new($"1-{month}月完成投资", "投资情况", 12), new("完成率(%)", "投资情况", 9),
        new("形象进度", null, 26), new("项目阶段", null, 8), new("存在问题", null, 22), new("责任领导", null, 9), new("责任单位", null, 16),
        new("项目管家", null, 9), new("所在乡镇（街道）", null, 12), new("经纬度", null, 18), new("亮灯", null, 7),
    ];

    private static void WriteHeader(XlsxWriter writer, IReadOnlyList<Column> columns)
    {
        var top = writer.NextRow;
        writer.WriteRow(columns.Select((c, i) => (CellValue?)CellValue.Of(c.Group is not null && (i == 0 || columns[i - 1].Group != c.Group) ? c.Group : c.Group is null ? c.Header : null, CellStyle.Header)).ToList(), 22);
        writer.WriteRow(columns.Select(c => (CellValue?)CellValue.Of(c.Group is null ? null : c.Header, CellStyle.Header)).ToList(), 30);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Group is null)
            {
                writer.Merge(top, i + 1, top + 1, i + 1);
            }
            else if (i == 0 || columns[i - 1].Group != columns[i].Group)
            {
                var last = i;
                while (last + 1 < columns.Count && columns[last + 1].Group == columns[i].Group)
                {
                    last++;
                }

                writer.Merge(top, i + 1, top, last + 1);
            }
        }
    }

    private static CellValue LightCell(Light light) => light switch
    {
        Light.Red => CellValue.Of("红灯", CellStyle.LightRed),
        Light.Yellow => CellValue.Of("黄灯", CellStyle.LightYellow),
        Light.Green => CellValue.Of("绿灯", CellStyle.LightGreen),
        Light.Done => CellValue.Of("已完成", CellStyle.LightGreen),
        _ => CellValue.Of("未开始", CellStyle.LightGrey),
    };

    private static string NatureText(ProjectNature nature) => nature switch
    {
        ProjectNature.Continuing => "续建",
        ProjectNature.Completion => "竣工",
        ProjectNature.Preparatory => "前期",
        _ => "新建",
    };

    private static string StageText(ProjectStage stage) => stage switch
    {
        ProjectStage.Signed => "签约",
        ProjectStage.Started => "开工",
        ProjectStage.Producing => "投产",
        ProjectStage.AtCapacity => "达效",
        _ => "前期",
    };

    private static string Numeral(int n)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n - 10],
            < 100 => digits[n / 10] + "十" + digits[n % 10],
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
