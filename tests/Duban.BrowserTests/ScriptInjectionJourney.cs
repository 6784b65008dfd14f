using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Sheets;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

/// <summary>
/// Script typed into every free-text field a person or a spreadsheet can fill, then every page that shows
/// it opened and every map point and chart hovered. A payload that runs sets window.__xss or opens a dialog;
/// one the policy stops shows as a securitypolicyviolation: either fails the journey. Each payload must also
/// be seen as text where it belongs, so that a page that simply stopped showing the data fails too.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ScriptInjectionJourney(BrowserFixture app)
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> dialogs = new();

    // Each breaks out of a different context: element content, a double- or single-quoted attribute,
    // a textarea, a JavaScript string, a client-side template; "javascript:" for anything made a link.
    private const string Img = "<img src=x onerror=window.__xss=1>";
    private const string Script = "<script>window.__xss=1</script>";
    private const string Svg = "\"><svg onload=window.__xss=1>";
    private const string Quote = "'><img src=x onerror=window.__xss=1>";
    private const string Template = "{{constructor.constructor('window.__xss=1')()}}";
    private const string Link = "javascript:window.__xss=1";
    private const string Textarea = "</textarea><img src=x onerror=window.__xss=1>";
    private const string JsString = "';alert(1);'";

    private const string Password = "Xss-journey-2026";

    private static string All(string tag) => tag + Img + Script + Svg + Quote + Template + Link + Textarea + JsString;

    [Fact]
    public async Task Script_stored_in_every_free_text_field_runs_nowhere_and_shows_as_text()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // What is stored, within each field's length: names are short, texts take every payload.
        var unitName = "单位" + tag + Img + Svg;
        var unitShort = "简" + tag + Quote;
        var personName = "人" + tag + Img;
        var personTitle = "职务" + tag + Svg + Script;
        var displayName = "联" + tag + Quote + Script;
        var ledgerName = "清单" + tag + Svg + Script + Template;
        var taskName = All("任务" + tag);
        var taskContent = All("内容" + tag);
        var sourceTitle = "来源" + tag + Img + Script + Svg + Quote + Textarea; // the source title holds 200 characters
        var milestone = "节点" + tag + Img + Template;
        var done = All("完成" + tag);
        var problems = All("问题" + tag);
        var nextSteps = All("下步" + tag);
        var statement = All("申请" + tag);
        var noticeBody = All("督办" + tag);
        var openNoticeBody = All("待回" + tag);
        var answer = All("回复" + tag);
        var projectName = All("项目" + tag);
        var owner = "业主" + tag + Img + Svg;
        var problemName = All("卡点" + tag);
        var problemContent = All("卡点内容" + tag);
        var bulletinTitle = "通报" + tag + Img + Svg + Template;
        var bulletinSummary = All("总体" + tag);
        var bulletinRequirements = All("要求" + tag);
        var bulletinAddressee = "各单位" + tag + Quote;
        var sheetTitle = "导入标题" + tag + Img + Svg;
        var cellName = All("导入任务" + tag);
        var cellContent = All("导入目标" + tag);
        var cellProgress = All("导入进展" + tag);
        var cellHeader = "附注" + tag + Img + Svg;
        var fileName = "台账" + tag + "<img src=x onerror=window.__xss=1>.xlsx";

        var office = await SignedInAsync("duchashi");
        var admin = await SignedInAsync("admin");

        // The organisation: a unit, a leader in it, and a liaison's account whose display name is script too.
        var units = await ApiAsync(office, "GET", "/api/v1/units");
        var root = units.EnumerateArray().Single(u => u.GetProperty("parentId").ValueKind == JsonValueKind.Null).GetProperty("id").GetInt32();
        var unit = Id(await ApiAsync(office, "POST", "/api/v1/units", new { name = unitName, shortName = unitShort, kind = "Department", parentId = root, sortOrder = 99 }));
        var person = Id(await ApiAsync(office, "POST", "/api/v1/people", new { name = personName, title = personTitle, unitId = unit, isLeader = true }));
        var liaisonUser = "xss" + tag;
        var account = Id(await ApiAsync(admin, "POST", "/api/v1/accounts", new { userName = liaisonUser, displayName, unitId = unit, personId = person, roles = new[] { "Liaison" }, password = Password }));

        // A ledger and an overdue task of the unit, so that it is red wherever red items are listed.
        var ledger = Id(await ApiAsync(office, "POST", "/api/v1/ledgers", new { name = ledgerName, year = today.Year, sourceKind = "Document", sourceTitle }));
        var task = Id(await ApiAsync(office, "POST", "/api/v1/tasks", new
        {
            ledgerId = ledger,
            name = taskName,
            content = taskContent,
            sourceKind = "Document",
            sourceTitle,
            leadUnitId = unit,
            leaderId = person,
            startDate = Day(-90),
            deadline = Day(-3),
            cadence = "Weekly",
            cadenceDay = 5,
            cadenceHour = 17,
            milestones = new[] { new { name = milestone, due = Day(-10) } },
        }));

        // The unit reports and asks for an extension; the office issues two notices, the unit answers one.
        var liaison = await SignedInAsync(liaisonUser, Password);
        await ApiAsync(liaison, "POST", $"/api/v1/tasks/{task}/reports", new { done, percent = 40, problems, problemCause = "Funds", nextSteps });
        await ApiAsync(liaison, "POST", $"/api/v1/tasks/{task}/reviews", new { kind = "Extension", statement, proposedDeadline = Day(30) });
        var notice = Id(await ApiAsync(office, "POST", $"/api/v1/tasks/{task}/notices", new { kind = "SupervisionNotice", body = noticeBody, answerBy = Day(5) }));
        await ApiAsync(office, "POST", $"/api/v1/tasks/{task}/notices", new { kind = "ReminderLetter", body = openNoticeBody, answerBy = Day(7) });
        await ApiAsync(liaison, "POST", $"/api/v1/notices/{notice}/answer", new { answer });

        // A key project of the unit in this year's library, on the map, with a plan and a problem.
        var ledgers = await ApiAsync(office, "GET", $"/api/v1/ledgers?year={today.Year}");
        var library = ledgers.EnumerateArray().First(l => l.GetProperty("name").GetString()!.Contains("重点项目库", StringComparison.Ordinal)).GetProperty("id").GetInt32();
        var points = await ApiAsync(office, "GET", "/api/v1/projects/map");
        var near = points.EnumerateArray().First();
        var project = Id((await ApiAsync(office, "POST", "/api/v1/projects", new
        {
            ledgerId = library,
            name = projectName,
            leadUnitId = unit,
            leaderId = person,
            pool = "Implementation",
            ownerCompany = owner,
            industryChain = owner,
            scale = All("规模" + tag),
            totalInvestment = 5000,
            longitude = near.GetProperty("longitude").GetDouble() + 0.04,
            latitude = near.GetProperty("latitude").GetDouble() - 0.04,
            startYear = today.Year,
            startPlanned = Day(-60),
        })).GetProperty("item"));
        await ApiAsync(office, "PUT", $"/api/v1/projects/{project}/plan", new { year = today.Year, amount = 3000 });
        await ApiAsync(office, "PUT", $"/api/v1/projects/{project}/investments", new { year = today.Year, month = today.Month == 1 ? 1 : today.Month - 1, amount = 300 });
        var problem = Id(await ApiAsync(office, "POST", "/api/v1/problems", new { projectId = project, name = problemName, content = problemContent, cause = "Land", leadUnitId = unit, deadline = Day(10) }));

        // A weekly bulletin of an earlier week (so that no other journey's week is taken), edited and issued.
        var bulletin = Id(await ApiAsync(office, "POST", "/api/v1/bulletins", new { kind = "Weekly", day = Day(-21) }));
        await ApiAsync(office, "PUT", $"/api/v1/bulletins/{bulletin}", new { title = bulletinTitle, issuingOffice = "督查室" + tag, addressee = bulletinAddressee, summary = bulletinSummary, requirements = bulletinRequirements, copyTo = "抄送" + tag + Svg });
        await ApiAsync(office, "POST", $"/api/v1/bulletins/{bulletin}/issue");
        var draft = Id(await ApiAsync(office, "POST", "/api/v1/bulletins", new { kind = "Monthly", day = Day(-62) }));
        await ApiAsync(office, "PUT", $"/api/v1/bulletins/{draft}", new { title = bulletinTitle, issuingOffice = "督查室" + tag, addressee = bulletinAddressee, summary = bulletinSummary, requirements = bulletinRequirements, copyTo = "抄送" + tag });

        // A unit's spreadsheet with script in its title and cells, uploaded by the office as people do.
        var book = Workbook(sheetTitle, cellHeader, cellName, cellContent, cellProgress, Day(20));
        await office.GotoAsync("/LedgerFiles");
        await office.GetByLabel("重点工作任务清单").CheckAsync();
        await office.GetByLabel("文件（.xlsx 或 .csv，不超过 20MB）").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = book });
        await office.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(office.Locator("#summary")).ToContainTextAsync("共 1 行");
        await CheckAsync(office, "the import review", sheetTitle, cellHeader, cellName);
        await app.ScreenshotAsync(office, "70-xss-import-review");
        await office.GetByRole(AriaRole.Button, new() { Name = "确认导入 1 行" }).ClickAsync();
        await Expect(office.Locator("#result")).ToContainTextAsync("新增 1 行");
        await office.GetByRole(AriaRole.Link, new() { Name = "查看台账" }).ClickAsync();
        await CheckAsync(office, "the imported ledger", cellName);
        await office.GetByRole(AriaRole.Link, new() { Name = cellName }).ClickAsync();
        await CheckAsync(office, "the imported task", cellName, cellContent, cellProgress);
        await OpenAsync(office, "the import list", "/LedgerFiles", fileName);

        // The office's pages.
        await OpenAsync(office, "the home page", "/");
        await OpenAsync(office, "the ledgers", "/Ledgers", ledgerName);
        await OpenAsync(office, "the ledger", $"/Ledgers/View/{ledger}", taskName, unitName, unitShort, personName);
        await OpenAsync(office, "the task page", $"/Tasks/{task}", taskName, taskContent, sourceTitle, milestone, unitName, personName, done, problems, nextSteps, statement, noticeBody, openNoticeBody, answer, displayName);
        await Expect(office.Locator("[hx-get^='/Audit/History']")).ToContainTextAsync(tag);
        await app.ScreenshotAsync(office, "71-xss-task");
        await OpenAsync(office, "the task's edit form", $"/Tasks/Edit/{task}", taskName, taskContent, sourceTitle, milestone);
        await OpenAsync(office, "the task's history", $"/Audit/History/WorkItem/{task}", taskName);
        await OpenAsync(office, "the reviews", "/Reviews", taskName, statement, displayName);
        await OpenAsync(office, "the notice", $"/Notices/{notice}", noticeBody, answer, taskName);
        await OpenAsync(office, "the overview", "/Overview", unitShort, taskName);
        await HoverAsync(office, "#overview-trend", "the overview trend");
        await OpenAsync(office, "the big screen", "/Overview?screen=true", unitShort, taskName, projectName);
        await OpenAsync(office, "the overview's items", $"/Overview/Items?unitId={unit}", taskName, unitShort);
        await OpenAsync(office, "the projects", "/Projects", projectName, unitName, unitShort);
        await OpenAsync(office, "the project page", $"/Projects/{project}", projectName, unitName, personName, owner, problemName);
        await HoverAsync(office, "#investment-chart", "the investment chart");
        await OpenAsync(office, "the project's edit form", $"/Projects/Edit/{project}", projectName, owner);
        await OpenAsync(office, "the plan", $"/Projects/Plan?year={today.Year}", projectName);
        await OpenAsync(office, "the figures", $"/Projects/Figures?year={today.Year}", unitShort);
        await OpenAsync(office, "the problems", "/Problems", problemName, projectName, unitShort);
        await OpenAsync(office, "the problem", $"/Tasks/{problem}", problemName, problemContent);
        await OpenAsync(office, "the units", "/Units", unitName);
        await OpenAsync(office, "the unit", $"/Units/Details/{unit}", unitName, unitShort, personName);
        await OpenAsync(office, "the unit's edit form", $"/Units/Edit/{unit}", unitName, unitShort);
        await OpenAsync(office, "the unit's history", $"/Audit/History/Unit/{unit}", unitName);
        await OpenAsync(office, "the people", $"/People?unitId={unit}", personName);
        await OpenAsync(office, "the person", $"/People/Details/{person}", personName, personTitle);
        await OpenAsync(office, "the person's edit form", $"/People/Edit/{person}", personName, personTitle);
        await OpenAsync(office, "the bulletins", "/Bulletins", bulletinTitle);
        await OpenAsync(office, "the issued bulletin", $"/Bulletins/{bulletin}", bulletinTitle, bulletinSummary, bulletinRequirements, bulletinAddressee);
        await OpenAsync(office, "the draft bulletin", $"/Bulletins/{draft}", bulletinTitle, bulletinSummary, bulletinRequirements);
        await OpenAsync(office, "the bulletin's print view", $"/Bulletins/{bulletin}/Print", bulletinTitle, bulletinSummary);
        await OpenAsync(office, "the office's inbox", "/Inbox");

        // The map board: every point hovered, and the tooltip of ours shows its name as text.
        await OpenAsync(office, "the map", "/Projects/Map", projectName);
        await Expect(office.Locator("#map-board[data-ready=true]")).ToBeVisibleAsync();
        await HoverMapAsync(office, project, projectName);
        await app.ScreenshotAsync(office, "72-xss-map-tooltip");

        // The administrator's pages.
        await OpenAsync(admin, "the accounts", "/Accounts", displayName);
        await OpenAsync(admin, "the account", $"/Accounts/Edit/{account}", displayName);

        // The liaison's pages: its name in the top bar, its to-do and inbox.
        await OpenAsync(liaison, "the liaison's home page", "/", displayName);
        await OpenAsync(liaison, "the liaison's to-do", "/Todo", taskName, problemName);
        await OpenAsync(liaison, "the liaison's inbox", "/Inbox", taskName, bulletinTitle);
        await OpenAsync(liaison, "the liaison's task page", $"/Tasks/{task}", taskName, noticeBody, answer);
        await app.ScreenshotAsync(liaison, "73-xss-liaison-task");
    }

    [Fact]
    public async Task What_inline_handlers_did_our_script_does_filters_confirmations_printing_and_htmx()
    {
        var page = await app.NewPageAsync();
        var agree = false;
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (agree ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await app.SignInAsync(page, "duchashi");

        // Filters apply when chosen, on the overview and on the map.
        await page.GotoAsync("/Overview");
        await page.GetByLabel("类型").SelectOptionAsync("KeyProject");
        await Expect(page).ToHaveURLAsync(new Regex("kind=KeyProject"));
        await Expect(page.GetByLabel("类型")).ToHaveValueAsync("KeyProject");
        await page.GotoAsync("/Projects/Map");
        await page.GetByLabel("项目阶段").SelectOptionAsync("Started");
        await Expect(page).ToHaveURLAsync(new Regex("stage=Started"));
        await Expect(page.Locator("#map-board[data-ready=true]")).ToBeVisibleAsync();

        // htmx as configured: no eval, no scripts from swapped HTML, no <style> of its own; its requests still work.
        await page.GotoAsync("/People");
        var config = await page.EvaluateAsync<bool[]>("() => [htmx.config.allowEval, htmx.config.allowScriptTags, htmx.config.includeIndicatorStyles]");
        Assert.Equal([false, false, false], config);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('style').length"));
        await page.GetByLabel("搜索").PressSequentiallyAsync("zz");
        await Expect(page).ToHaveURLAsync(new Regex("q=zz"));

        // Deleting a draft asks first: refused, the draft stays; agreed, it goes.
        var draft = Id(await ApiAsync(page, "POST", "/api/v1/bulletins", new { kind = "Monthly", day = DateTime.UtcNow.AddMonths(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        await page.GotoAsync($"/Bulletins/{draft}");
        await page.GetByRole(AriaRole.Button, new() { Name = "删除草稿" }).ClickAsync();
        Assert.Equal("确定删除这份草稿？", Assert.Single(asked));
        await Expect(page).ToHaveURLAsync(new Regex($"/Bulletins/{draft}$"));
        agree = true;
        await page.GetByRole(AriaRole.Button, new() { Name = "删除草稿" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("草稿已删除");

        // The print view's button prints.
        var issued = await ApiAsync(page, "GET", "/api/v1/bulletins?status=Issued");
        var printable = issued.GetArrayLength() > 0 ? Id(issued[0]) : Id(await ApiAsync(page, "POST", "/api/v1/bulletins", new { kind = "Monthly", day = DateTime.UtcNow.AddMonths(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        await page.GotoAsync($"/Bulletins/{printable}/Print");
        await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));
        await AssertNothingRanAsync(page, "the print view");
    }

    /// <summary>A person at a desk of their own; any dialog a page opens is noted and dismissed.</summary>
    private async Task<IPage> SignedInAsync(string userName, string? password = null)
    {
        var page = await app.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Enqueue($"{dialog.Type}: {dialog.Message} on {page.Url}");
            await dialog.DismissAsync();
        };
        await app.SignInAsync(page, userName, password);
        return page;
    }

    /// <summary>Opens a page and checks it as <see cref="CheckAsync"/> does.</summary>
    private async Task OpenAsync(IPage page, string what, string url, params string[] texts)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{what} ({url}) answered {response?.Status}");
        await CheckAsync(page, what, texts);
    }

    /// <summary>Waits for what the page loads, then checks that each text shows and that nothing ran.</summary>
    private async Task CheckAsync(IPage page, string what, params string[] texts)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var text in texts)
        {
            var shown = await page.EvaluateAsync<bool>(
                "t => document.body.textContent.includes(t) || [...document.querySelectorAll('input, textarea')].some(e => e.value.includes(t))", text);
            Assert.True(shown, $"{what} ({page.Url}) does not show “{text}”");
        }

        await AssertNothingRanAsync(page, what);
    }

    private async Task AssertNothingRanAsync(IPage page, string what)
    {
        var ran = await page.EvaluateAsync<string?>("() => typeof window.__xss === 'undefined' ? null : String(window.__xss)");
        Assert.True(ran is null, $"Script ran on {what} ({page.Url})");
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        var watch = app.Watch(page);
        Assert.True(violations.Length == 0 && watch.Violations.IsEmpty, $"The policy refused something on {what} ({page.Url}): {string.Join(" | ", violations.Concat(watch.Violations))}");
        Assert.True(dialogs.IsEmpty, $"A dialog opened by {what} or before: {string.Join(" | ", dialogs)}");
        Assert.True(watch.PageErrors.IsEmpty, $"Script failed on {what}: {string.Join(" | ", watch.PageErrors)}");
        // The browser asks for /favicon.ico by itself; the app has none.
        var errors = watch.ConsoleErrors.Where(e => !e.Contains("/favicon.ico", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"The console reported errors on {what}: {string.Join(" | ", errors)}");
    }

    /// <summary>Moves the mouse across a chart (left to right, at three heights), checking after each move.</summary>
    private async Task HoverAsync(IPage page, string chart, string what)
    {
        var box = await page.Locator(chart).BoundingBoxAsync() ?? throw new InvalidOperationException($"{chart} is not shown");
        await page.Locator(chart).ScrollIntoViewIfNeededAsync();
        box = await page.Locator(chart).BoundingBoxAsync() ?? box;
        foreach (var y in new[] { 0.3, 0.6, 0.85 })
        {
            for (var x = 0.1; x < 0.95; x += 0.1)
            {
                await page.Mouse.MoveAsync(box.X + (box.Width * (float)x), box.Y + (box.Height * (float)y));
                await page.WaitForTimeoutAsync(30);
            }
        }

        await AssertNothingRanAsync(page, what);
    }

    /// <summary>Hovers each project point of the map board where ECharts drew it.</summary>
    private async Task HoverMapAsync(IPage page, int ours, string name)
    {
        var board = page.Locator("#map-board");
        var box = await board.BoundingBoxAsync() ?? throw new InvalidOperationException("The map board is not shown");
        var pixels = await page.EvaluateAsync<JsonElement>("""
            () => {
              const chart = echarts.getInstanceByDom(document.getElementById('map-board'));
              const series = chart.getOption().series[0];
              return series.data.map(d => ({ id: d.id, at: chart.convertToPixel({ seriesIndex: 0 }, [d.value[0], d.value[1]]) }));
            }
            """);
        Assert.True(pixels.GetArrayLength() > 0, "The map board drew no points");
        var hoveredOurs = false;
        foreach (var point in pixels.EnumerateArray())
        {
            var at = point.GetProperty("at");
            var (x, y) = (at[0].GetDouble(), at[1].GetDouble());
            if (x < 0 || y < 0 || x > box.Width || y > box.Height)
            {
                continue;
            }

            await page.Mouse.MoveAsync(box.X + (float)x, box.Y + (float)y);
            await page.WaitForTimeoutAsync(120);
            await AssertNothingRanAsync(page, $"the map, hovering project {point.GetProperty("id").GetInt32()}");
            if (point.GetProperty("id").GetInt32() == ours)
            {
                var tooltip = board.Locator("div").Filter(new() { HasText = name }).Last;
                await Expect(tooltip).ToBeVisibleAsync();
                await AssertNothingRanAsync(page, "the map, with the tooltip of the project with script in its name");
                hoveredOurs = true;
            }
        }

        Assert.True(hoveredOurs, "The project with script in its name was not on the map to hover");
    }

    /// <summary>A task list as a unit might send it: a title row, a header row (with a column of its own) and one task.</summary>
    private static byte[] Workbook(string title, string header, string name, string content, string progress, string deadline)
    {
        var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            writer.StartSheet(new SheetLayout { Name = "清单" });
            writer.WriteRow([CellValue.Of(title)]);
            writer.WriteRow([CellValue.Of("序号"), CellValue.Of("重点任务"), CellValue.Of("具体目标"), CellValue.Of("牵头单位"), CellValue.Of("完成时限"), CellValue.Of("进展情况"), CellValue.Of(header)]);
            writer.WriteRow([CellValue.Of(1m), CellValue.Of(name), CellValue.Of(content), CellValue.Of("县发展和改革局"), CellValue.Of(deadline), CellValue.Of(progress), CellValue.Of(header)]);
        }

        return stream.ToArray();
    }

    /// <summary>Calls the API as the signed-in person of the page, with the antiforgery token the page carries.</summary>
    private static async Task<JsonElement> ApiAsync(IPage page, string method, string url, object? body = null)
    {
        var headers = await page.Locator("body").GetAttributeAsync("hx-headers") ?? throw new InvalidOperationException("No antiforgery token on the page");
        var token = JsonDocument.Parse(headers).RootElement.GetProperty("RequestVerificationToken").GetString()!;
        var options = new APIRequestContextOptions { Method = method, Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token } };
        if (body is not null)
        {
            options.DataObject = body;
        }

        var response = await page.Context.APIRequest.FetchAsync(url, options);
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{method} {url} answered {response.Status}: {text}");
        return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static int Id(JsonElement created) => created.GetProperty("id").GetInt32();
}
