using System.Globalization;
using System.Text.RegularExpressions;
using Duban.Sheets;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed partial class IndicatorJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_office_imports_the_bureaus_table_an_indicator_turns_red_it_sends_a_notice_and_the_bulletin_names_it()
    {
        // The bureau's table for this year, January to September: 进出口总额 is new to the catalogue, has its
        // target, and has reached half of it with three quarters of the year gone.
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;
        var table = Path.Combine(Path.GetTempPath(), $"统计月报-{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(table))
        await using (var writer = new XlsxWriter(file))
        {
            writer.StartSheet(new SheetLayout { Name = "主要指标" });
            writer.WriteRow([CellValue.Of($"青山县{year}年1-9月主要经济指标")]);
            writer.WriteRow([CellValue.Of("序号"), CellValue.Of("指标"), CellValue.Of("计量单位"), CellValue.Of("年度目标"), CellValue.Of("1-9月完成"), CellValue.Of("同比增长（%）")]);
            writer.WriteRow([CellValue.Of("1"), CellValue.Of("进出口总额"), CellValue.Of("万美元"), CellValue.Of(12000m), CellValue.Of(6000m), CellValue.Of(2.0m)]);
            writer.WriteRow([CellValue.Of("数据来源：县统计局")]);
        }

        var office = await app.NewPageAsync();
        await app.SignInAsync(office, "duchashi");
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "经济指标" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "主要经济指标" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(office, "90-indicator-board");

        // Preview first: the row as read and what will happen; then the import.
        await office.GetByRole(AriaRole.Link, new() { Name = "导入统计月报" }).ClickAsync();
        await office.GetByLabel("统计月报文件").SetInputFilesAsync(table);
        await office.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Form, new() { Name = "确认导入" })).ToContainTextAsync("没有错误");
        await Expect(office.Locator("[data-issue='indicatorCreated']")).ToContainTextAsync("进出口总额");
        await Expect(office.GetByRole(AriaRole.Table, new() { Name = "主要指标" })).ToContainTextAsync("6,000");
        await app.ScreenshotAsync(office, "91-indicator-import-preview");
        await office.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入 1 条数据");

        // On the board it is red: 50 % of the target against 75 % of the year.
        var row = office.Locator("#indicator-board tr").Filter(new() { HasText = "进出口总额" });
        await Expect(row).ToHaveAttributeAsync("data-light", "Red");
        await Expect(row.Locator("[data-field='completion']")).ToHaveTextAsync("50.0");
        await Expect(row.Locator("[data-field='timeProgress']")).ToHaveTextAsync("75.0");
        await Expect(row.Locator("[data-field='gap']")).ToHaveTextAsync("-25.0");
        await app.ScreenshotAsync(office, "92-indicator-board-red");

        await row.GetByRole(AriaRole.Link, new() { Name = "进出口总额" }).ClickAsync();
        await Expect(office.Locator("#indicator-light")).ToContainTextAsync("完成率落后时序进度 25 个百分点以上");
        await Expect(office.Locator("#indicator-chart svg")).ToBeVisibleAsync();
        await Expect(office.Locator("#indicator-series tr[data-period='9']")).ToContainTextAsync("红灯");
        await app.ScreenshotAsync(office, "93-indicator-page");

        // The office urges it as any task: a numbered supervision notice to its lead unit.
        await office.GetByRole(AriaRole.Link, new() { Name = "督办与批示" }).ClickAsync();
        var form = office.GetByRole(AriaRole.Form, new() { Name = "下发" });
        await form.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "督办单" });
        await form.GetByLabel("督办事项与要求").FillAsync("进出口总额完成率落后时序进度25个百分点，请书面说明原因及下步措施。");
        await form.GetByLabel("书面回复期限").FillAsync(DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync(NoticeNumber());
        await app.ScreenshotAsync(office, "94-indicator-notice");

        // The week's bulletin names it among the weak indicators.
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "通报" }).ClickAsync();
        var compose = office.GetByRole(AriaRole.Form, new() { Name = "生成通报草稿" });
        await compose.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "周报" });
        await compose.GetByRole(AriaRole.Button, new() { Name = "生成通报草稿" }).ClickAsync();
        var preview = office.Locator("#bulletin-preview");
        await Expect(preview).ToContainTextAsync("二、主要经济指标完成情况");
        await Expect(preview).ToContainTextAsync(WeakNamed());
        await app.ScreenshotAsync(office, "95-indicator-bulletin");

        // A town's liaison reads the county's board but has no import, target or figure forms.
        var town = await app.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await app.SignInAsync(town, "chengguan");
        await town.GotoAsync($"/Indicators?year={year}");
        await Expect(town.Locator("#indicator-board")).ToContainTextAsync("进出口总额");
        await Expect(town.GetByRole(AriaRole.Link, new() { Name = "导入统计月报" })).ToHaveCountAsync(0);
        await app.ScreenshotAsync(town, "96-indicator-board-phone");
    }

    [GeneratedRegex(@"已下发 督办〔\d{4}〕第\d+号")]
    private static partial Regex NoticeNumber();

    [GeneratedRegex("薄弱指标：.*进出口总额")]
    private static partial Regex WeakNamed();
}
