using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed class LedgerFileJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_office_uploads_the_project_ledger_sees_the_row_issues_confirms_the_mapping_commits_and_sees_the_ledger()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "重点项目推进台账-样例.xlsx");
        var office = await app.NewPageAsync();
        await app.SignInAsync(office, "duchashi");

        // First without creating units: the units the county lacks are row errors, with their cells.
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "导入导出" }).ClickAsync();
        await office.GetByLabel("重点项目推进台账").CheckAsync();
        await office.GetByLabel("文件（.xlsx 或 .csv，不超过 20MB）").SetInputFilesAsync(sample);
        await office.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(office.Locator("#sheet-info")).ToContainTextAsync("XX县2026年重点项目推进台账");
        await Expect(office.Locator("#sheet-info")).ToContainTextAsync("万元");
        await Expect(office.Locator("#summary")).ToContainTextAsync("共 10 行");
        var issue = office.Locator("#issues tr").Filter(new() { HasText = "单位“县经信局”在系统中不存在" });
        await Expect(issue).ToContainTextAsync("6");
        await Expect(issue).ToContainTextAsync("N");
        await Expect(office.Locator("#rows tr[data-row='6']")).ToContainTextAsync("不导入");
        await app.ScreenshotAsync(office, "40-import-issues");
        await office.GetByRole(AriaRole.Button, new() { Name = "放弃" }).First.ClickAsync();

        // Again, creating the missing units and people.
        await office.GetByLabel("重点项目推进台账").CheckAsync();
        await office.GetByLabel("文件（.xlsx 或 .csv，不超过 20MB）").SetInputFilesAsync(sample);
        await office.GetByLabel("表中有系统里没有的单位和人员时，自动新建").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(office.Locator("#summary")).ToContainTextAsync("新增 10");
        await Expect(office.Locator("#issues")).ToContainTextAsync("将新建单位“县经信局”");

        // The mapping as read, corrected by the person: the problems column is left out this time.
        var mapping = office.Locator("#mapping");
        await Expect(mapping.GetByLabel(new System.Text.RegularExpressions.Regex(@"^H (.* / )?1\-10月完成投资$"))).ToHaveValueAsync("completedToDate");
        await Expect(mapping.GetByLabel(new System.Text.RegularExpressions.Regex(@"^G (.* / )?2026年计划投资$"))).ToHaveValueAsync("annualPlan");
        await mapping.GetByLabel(new System.Text.RegularExpressions.Regex(@"^L (.* / )?存在问题$")).SelectOptionAsync("ignored");
        await mapping.GetByRole(AriaRole.Button, new() { Name = "按此对应重新检查" }).ClickAsync();
        await Expect(office.Locator("#mapping").GetByLabel(new System.Text.RegularExpressions.Regex(@"^L (.* / )?存在问题$"))).ToHaveValueAsync("ignored");
        await app.ScreenshotAsync(office, "41-import-mapping");

        await office.GetByRole(AriaRole.Button, new() { Name = "确认导入 10 行" }).ClickAsync();
        await Expect(office.Locator("#result")).ToContainTextAsync("新增 10 行");
        await office.GetByRole(AriaRole.Link, new() { Name = "查看台账" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "年产20万套新能源汽车电驱系统项目" })).ToBeVisibleAsync();
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "城北未来社区" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(office, "42-imported-ledger");

        // The ledger goes back out as a workbook.
        var download = await office.RunAndWaitForDownloadAsync(() => office.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(saved);
        var sheet = Duban.Sheets.XlsxReader.Read(File.OpenRead(saved)).Sheets[0];
        Assert.Contains(sheet.RowNumbers, r => sheet.Raw(r, 2)?.Text == "城北未来社区");
    }
}
