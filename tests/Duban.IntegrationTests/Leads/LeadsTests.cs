using System.Net;
using System.Text.Json;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Leads;

/// <summary>
/// Leads through the API and the pages: a town's lead followed from registration to landing as a key project,
/// lit by the rule table on the way; kept from everyone it is not named to (names hidden, counts shown); forms
/// posted by people never shown them refused; bad input explained with nothing written.
/// </summary>
public abstract class LeadsTests(DubanFactory app)
{
    // 1 December 2026, 10:00 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private TestData D => app.Data;

    private Task<(int Leads, int Contacts, int Items, int Projects)> CountsAsync() => app.WithDbAsync(async db => (
        await db.Leads.IgnoreQueryFilters().CountAsync(),
        await db.LeadContacts.IgnoreQueryFilters().CountAsync(),
        await db.WorkItems.IgnoreQueryFilters().CountAsync(),
        await db.Projects.IgnoreQueryFilters().CountAsync()));

    private async Task<int> TownLeadAsync(HttpClient town, string name, string investor)
    {
        var chengguan = await D.UnitIdAsync("城关镇");
        var created = await town.PostAsJsonAsync("/api/v1/leads", new { name, investor, investorOrigin = "江苏苏州", industry = "新材料", source = "Fair", plannedInvestment = 50000, followingUnitId = chengguan, stage = "Intent" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lead").GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> LeadAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/v1/leads/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lead");
    }

    /// <summary>The scheduled recompute, for this lead only: the rest of the shared demo county keeps today's lights.</summary>
    private async Task RecomputeAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var lights = scope.ServiceProvider.GetRequiredService<Web.Features.Lights.RecomputeLights>();
        Assert.Equal(1, (await lights.RunAsync(D.RegionId, id)).Rewritten);
    }

    [Fact]
    public async Task A_towns_lead_is_contacted_goes_stale_is_urged_signs_and_lands_as_a_key_project_that_shows_where_it_came_from()
    {
        var clock = app.Clock.Pin(Now);
        try
        {
            var town = await D.ApiClientAsync("chengguan");
            var id = await TownLeadAsync(town, "高端铝箔深加工项目", "某铝箔科技有限公司");
            var lead = await LeadAsync(town, id);
            Assert.Equal("Intent", lead.GetProperty("stage").GetString());
            Assert.Equal("Green", lead.GetProperty("light").GetString());

            foreach (var (on, agreed, next, due) in new[] { ("2026-11-25", "对方来县考察河口、城关两处地块", (string?)null, (string?)null), ("2026-12-01", "第二轮洽谈，对方要求标准化厂房 2 万平方米", "提交厂房方案", "2026-12-20") })
            {
                var contact = await town.PostAsJsonAsync($"/api/v1/leads/{id}/contacts", new { on, kind = "Meeting", people = "城关镇党委书记；投资方总经理", agreed, nextStep = next, nextStepDue = due });
                Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
            }

            var detail = (await (await town.GetAsync($"/api/v1/leads/{id}")).Content.ReadFromJsonAsync<JsonElement>());
            Assert.Equal(2, detail.GetProperty("contacts").GetArrayLength());
            Assert.Equal("2026-11-25", detail.GetProperty("firstContactOn").GetString());
            Assert.Equal("2026-12-01", detail.GetProperty("lead").GetProperty("lastContactOn").GetString());
            Assert.Equal("提交厂房方案", detail.GetProperty("lead").GetProperty("nextStep").GetString());

            // 31 days on without a contact, and the next step's date passed: stale (yellow) comes first in the table.
            clock.Dispose();
            clock = app.Clock.Pin(Now.AddDays(31));
            await RecomputeAsync(id);
            lead = await LeadAsync(town, id);
            Assert.Equal("Yellow", lead.GetProperty("light").GetString());
            Assert.Equal("LeadStale", lead.GetProperty("lightReason").GetString());
            Assert.Equal(31, lead.GetProperty("lightReasonNumber").GetInt32());

            // The office urges through the lead's work item, as for any task; the town reads it.
            var office = await D.ApiClientAsync("duchashi");
            var notice = await office.PostAsJsonAsync($"/api/v1/tasks/{id}/notices", new { kind = "ReminderLetter", body = "该线索已 31 天未对接，请抓紧跟进。", answerBy = "2027-01-08" });
            Assert.Equal(HttpStatusCode.Created, notice.StatusCode);
            var inboxNotices = await (await town.GetAsync("/api/v1/notices")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(inboxNotices.EnumerateArray(), n => n.GetProperty("workItemId").GetInt32() == id);

            // A contact makes it green again; then it is signed (the agreement's amount is required) and registered.
            var contacted = await town.PostAsJsonAsync($"/api/v1/leads/{id}/contacts", new { on = "2027-01-01", kind = "Visit", people = "分管副县长", agreed = "敲定协议文本", nextStep = "签约", nextStepDue = "2027-01-10" });
            Assert.Equal(HttpStatusCode.OK, contacted.StatusCode);
            Assert.Equal("Green", (await LeadAsync(town, id)).GetProperty("light").GetString());
            var noAmount = await town.PostAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage = "Signed", on = "2027-01-01" });
            Assert.Equal(HttpStatusCode.BadRequest, noAmount.StatusCode);
            Assert.Contains("协议投资额", (await noAmount.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("SignedAmount")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await town.PostAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage = "Signed", on = "2027-01-01", signedAmount = 48000 })).StatusCode);
            var back = await town.PostAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage = "Negotiating", on = "2027-01-01" });
            Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);

            // A town may not land it: landing makes a key project, the office's library.
            var ledger = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == D.RegionId && w.Kind == WorkItemKind.KeyProject).Select(w => w.LedgerId).FirstAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await town.PostAsJsonAsync($"/api/v1/leads/{id}/landing", new { on = "2027-01-01", ledgerId = ledger })).StatusCode);

            var landed = await office.PostAsJsonAsync($"/api/v1/leads/{id}/landing", new { on = "2027-01-01", ledgerId = ledger, category = "Industrial" });
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            var after = await landed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Landed", after.GetProperty("lead").GetProperty("stage").GetString());
            Assert.Equal("Done", after.GetProperty("lead").GetProperty("light").GetString());
            var projectId = after.GetProperty("projectId").GetInt32();
            Assert.Equal(["Intent", "Signed", "Landed"], after.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()!).ToArray());

            // The project carries the lead's unit, leader, steward and agreement; its page says where it came from.
            var project = await app.WithDbAsync(async db => new
            {
                Item = await db.WorkItems.IgnoreQueryFilters().FirstAsync(w => w.Id == projectId),
                Project = await db.Projects.IgnoreQueryFilters().FirstAsync(p => p.WorkItemId == projectId),
                LeadItem = await db.WorkItems.IgnoreQueryFilters().FirstAsync(w => w.Id == id),
            });
            Assert.Equal(WorkItemKind.KeyProject, project.Item.Kind);
            Assert.Equal("高端铝箔深加工项目", project.Item.Name);
            Assert.Equal(project.LeadItem.LeadUnitId, project.Item.LeadUnitId);
            Assert.Equal(project.LeadItem.LiaisonId, project.Item.LiaisonId);
            Assert.Equal(48000m, project.Project.TotalInvestment);
            Assert.Equal("某铝箔科技有限公司", project.Project.OwnerCompany);
            Assert.Equal(new DateOnly(2027, 1, 1), project.Project.SignedOn);
            Assert.Equal(new DateOnly(2027, 1, 1), project.Project.StartedOn);
            Assert.Equal(WorkItemStatus.Closed, project.LeadItem.Status);

            var page = await (await D.SignedInClientAsync("duchashi")).GetStringAsync($"/Projects/{projectId}");
            Assert.Contains("项目来源：招商线索", page, StringComparison.Ordinal);
            Assert.Contains($"/Leads/{id}", page, StringComparison.Ordinal);
            Assert.Contains("对接记录 3 条", page, StringComparison.Ordinal);

            // Landing twice is refused, and nothing more is written.
            var before = await CountsAsync();
            Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/leads/{id}/landing", new { on = "2027-01-01", ledgerId = ledger })).StatusCode);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            clock.Dispose();
        }
    }

    [Fact]
    public async Task A_lead_is_hidden_from_everyone_it_is_not_named_to_who_see_counts_only_on_pages_lists_and_the_api()
    {
        using var pin = app.Clock.Pin(Now);
        var town = await D.ApiClientAsync("chengguan");
        var id = await TownLeadAsync(town, "绝密碳纤维复材项目", "某保密投资控股集团");
        var visibleTo = new[] { "duchashi", "chengguan" };
        foreach (var user in new[] { "fgj", "viewer", "admin", "auditor", "leader" })
        {
            var api = await D.ApiClientAsync(user);
            var list = await api.GetAsync("/api/v1/leads");
            if (list.StatusCode == HttpStatusCode.OK)
            {
                Assert.DoesNotContain("某保密投资控股集团", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            }

            Assert.Contains((await api.GetAsync($"/api/v1/leads/{id}")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
            Assert.Contains((await api.GetAsync($"/api/v1/tasks/{id}")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });

            // Counts, never names: the pipeline counts the town's new lead for everyone who reads.
            var pipeline = await api.GetAsync("/api/v1/leads/pipeline");
            if (pipeline.StatusCode == HttpStatusCode.OK)
            {
                var text = await pipeline.Content.ReadAsStringAsync();
                Assert.DoesNotContain("绝密碳纤维复材项目", text, StringComparison.Ordinal);
                Assert.DoesNotContain("某保密投资控股集团", text, StringComparison.Ordinal);
                Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("total").GetInt32() >= 9);
            }

            var browser = await D.SignedInClientAsync(user);
            foreach (var url in new[] { "/", "/Overview", "/Leads", "/Leads/Board", "/Todo", "/Ledgers", "/Projects", "/Indicators" })
            {
                var response = await browser.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("绝密碳纤维复材项目", body, StringComparison.Ordinal);
                Assert.DoesNotContain("某保密投资控股集团", body, StringComparison.Ordinal);
            }

            Assert.Contains((await browser.GetAsync($"/Leads/{id}")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        }

        foreach (var user in visibleTo)
        {
            var browser = await D.SignedInClientAsync(user);
            Assert.Contains("某保密投资控股集团", await browser.GetStringAsync("/Leads"), StringComparison.Ordinal);
            Assert.Contains("某保密投资控股集团", await browser.GetStringAsync($"/Leads/{id}"), StringComparison.Ordinal);
        }

        // A bulletin, which everyone reads once issued, counts the region's leads in its 招商引资 section and names none.
        var composed = await (await D.ApiClientAsync("duchashi")).PostAsJsonAsync("/api/v1/bulletins", new { kind = "Weekly", day = "2026-12-04" });
        Assert.Equal(HttpStatusCode.Created, composed.StatusCode);
        var bulletin = await composed.Content.ReadFromJsonAsync<JsonElement>();
        var leads = bulletin.GetProperty("figures").GetProperty("leads");
        Assert.True(leads.GetProperty("open").GetInt32() >= 7);
        Assert.True(leads.GetProperty("newInPeriod").GetInt32() >= 1); // this test's own lead, registered in the week
        var document = await (await D.ApiClientAsync("duchashi")).GetByteArrayAsync($"/api/v1/bulletins/{bulletin.GetProperty("id").GetInt32()}/document");
        var docText = DocxText(document);
        Assert.Contains("招商引资推进情况", docText, StringComparison.Ordinal);
        Assert.DoesNotContain("绝密碳纤维复材项目", docText, StringComparison.Ordinal);
        Assert.DoesNotContain("某保密投资控股集团", docText, StringComparison.Ordinal);
        Assert.DoesNotContain("光伏组件边框项目", docText, StringComparison.Ordinal); // a red demo lead: counted, not named
        Assert.DoesNotContain("绝密碳纤维复材项目", bulletin.ToString(), StringComparison.Ordinal);

        // Its attached leader reads it once it names him, and no other town's lead.
        var office = await D.ApiClientAsync("duchashi");
        var leaderPerson = await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(u => u.UserName == "leader").Select(u => u.PersonId!.Value).SingleAsync());
        var detail = await LeadAsync(office, id);
        var put = await office.PutAsJsonAsync($"/api/v1/leads/{id}", new { name = "绝密碳纤维复材项目", investor = "某保密投资控股集团", followingUnitId = detail.GetProperty("unitId").GetInt32(), leaderId = leaderPerson, source = "Fair" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var leader = await D.ApiClientAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/leads/{id}")).StatusCode);
        var leaderList = await (await leader.GetAsync("/api/v1/leads?pageSize=100")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(leaderList.GetProperty("rows").EnumerateArray(), r => Assert.Equal("李明华", r.GetProperty("leader").GetString()));
    }

    private static string DocxText(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return System.Text.RegularExpressions.Regex.Replace(reader.ReadToEnd(), "<[^>]+>", string.Empty);
    }

    [Fact]
    public async Task Forms_posted_by_people_never_shown_them_are_refused_and_change_nothing()
    {
        using var pin = app.Clock.Pin(Now);
        var town = await D.ApiClientAsync("chengguan");
        var id = await TownLeadAsync(town, "表单越权测试项目", "某越权测试公司");
        var ledger = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == D.RegionId && w.Kind == WorkItemKind.KeyProject).Select(w => w.LedgerId).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await town.PostAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage = "Signed", on = "2026-12-01", signedAmount = 1000 })).StatusCode);
        var before = await CountsAsync();
        var stageBefore = await app.WithDbAsync(db => db.Leads.IgnoreQueryFilters().Where(l => l.WorkItemId == id).Select(l => l.Stage).SingleAsync());

        var attempts = new (string User, string Handler, Dictionary<string, string> Fields, HttpStatusCode[] Expected)[]
        {
            ("fgj", "Contact", new() { ["Contact.On"] = "2026-12-01", ["Contact.People"] = "x", ["Contact.Agreed"] = "y" }, [HttpStatusCode.NotFound]),
            ("fgj", "Terminate", new() { ["Termination.Reason"] = "抢线索" }, [HttpStatusCode.NotFound]),
            ("leader", "Contact", new() { ["Contact.On"] = "2026-12-01", ["Contact.People"] = "x", ["Contact.Agreed"] = "y" }, [HttpStatusCode.Forbidden]),
            ("viewer", "Move", new() { ["Move.Stage"] = "Registered", ["Move.On"] = "2026-12-01" }, [HttpStatusCode.Forbidden]),
            ("chengguan", "Land", new() { ["Landing.LedgerId"] = ledger.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Landing.On"] = "2026-12-01" }, [HttpStatusCode.Forbidden]),
            ("chengguan", "Restore", new(), [HttpStatusCode.Forbidden]),
            ("auditor", "Land", new() { ["Landing.LedgerId"] = ledger.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Landing.On"] = "2026-12-01" }, [HttpStatusCode.Forbidden]),
        };
        foreach (var (user, handler, fields, expected) in attempts)
        {
            var browser = await D.SignedInClientAsync(user);

            // The token of a page the person may open; the lead's own page was never shown to them.
            var response = await TestData.PostFormAsync(browser, "/Account/Password", $"/Leads/{id}?handler={handler}", fields);
            Assert.True(expected.Contains(response.StatusCode), $"{user} {handler}: {(int)response.StatusCode}");
        }

        var edit = await TestData.PostFormAsync(await D.SignedInClientAsync("fgj"), "/Leads/Edit", $"/Leads/Edit/{id}", new() { ["Input.Name"] = "改名", ["Input.Investor"] = "x", ["Input.FollowingUnitId"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(stageBefore, await app.WithDbAsync(db => db.Leads.IgnoreQueryFilters().Where(l => l.WorkItemId == id).Select(l => l.Stage).SingleAsync()));
        Assert.Equal("表单越权测试项目", await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.Name).SingleAsync()));
    }

    private static byte[] Ledger(params string[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Duban.Sheets.XlsxWriter(buffer))
        {
            writer.StartSheet(new Duban.Sheets.SheetLayout { Name = "在谈项目" });
            writer.WriteRow([Duban.Sheets.CellValue.Of("青山县2026年招商引资项目推进台账")]);
            writer.WriteRow([Duban.Sheets.CellValue.Of("统计截止：2026年11月20日    单位：万元")]);
            foreach (var row in rows)
            {
                writer.WriteRow(row.Select(c => (Duban.Sheets.CellValue?)Duban.Sheets.CellValue.Of(c)).ToArray());
            }
        }

        return buffer.ToArray();
    }

    private static readonly string[] Header = ["序号", "项目名称", "投资方", "投资方所在地", "产业类别", "计划投资额", "项目来源", "对接单位", "包联县领导", "推进阶段", "首次对接时间", "最近对接时间", "对接情况及下步打算", "备注"];

    private static MultipartFormDataContent Upload(byte[] file, bool dryRun) =>
        new() { { new ByteArrayContent(file), "file", "招商台账.xlsx" }, { new StringContent(dryRun ? "true" : "false"), "dryRun" } };

    [Fact]
    public async Task The_offices_lead_ledger_is_previewed_imported_in_one_go_and_imported_again_as_updates()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");

        // The shared sample, as a dry run: six leads read, nothing written.
        var before = await CountsAsync();
        var sample = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "samples", "招商引资项目台账-样例.xlsx"));
        var dry = await office.PostAsync("/api/v1/leads/import", Upload(sample, dryRun: true));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var read = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, read.GetProperty("rows").GetArrayLength());
        Assert.Equal(0, read.GetProperty("errors").GetInt32());
        Assert.False(read.GetProperty("written").GetBoolean());
        Assert.Contains(read.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "leadLandedOnPage");
        Assert.Equal(before, await CountsAsync());

        var tag = Guid.NewGuid().ToString("N")[..6];
        var file = Ledger(
            Header,
            ["一、新材料（2个）"],
            ["1", $"碳化硅衬底项目{tag}", $"某半导体公司{tag}", "江苏无锡", "新材料", "45000", "以商招商", "城关镇", "张卫东", "在谈", "2026-09-01", "2026-11-10", "第三轮洽谈，对方要求代建厂房。", ""],
            ["2", $"铝基复材项目{tag}", $"某铝业集团{tag}", "浙江宁波", "新材料", "12000", "展会招商", "河口镇", "李明华", "已签约", "2026-05-01", "2026-11-01", "10月签订协议。", ""],
            ["二、其他（1个）"],
            ["3", $"文旅小镇项目{tag}", $"某文旅集团{tag}", "湖南长沙", "", "8000", "其他", "青石镇", "陈晓燕", "终止", "2026-03-01", "2026-06-01", "对方暂停。", "终止原因：资金不足"],
            ["合计", "", "", "", "", "65000"]);
        var commit = await office.PostAsync("/api/v1/leads/import", Upload(file, dryRun: false));
        var written = await commit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(commit.StatusCode == HttpStatusCode.OK, written.ToString());
        Assert.True(written.GetProperty("written").GetBoolean());
        Assert.Equal(3, written.GetProperty("created").GetInt32());

        var leads = await app.WithDbAsync(db => db.Leads.IgnoreQueryFilters().Where(x => x.Investor.EndsWith(tag)).OrderBy(x => x.Id).ToListAsync());
        Assert.Equal([LeadStage.Negotiating, LeadStage.Signed, LeadStage.Terminated], leads.Select(x => x.Stage));
        Assert.Equal("资金不足", leads[2].TerminationReason);
        Assert.Equal("其他", leads[2].Industry); // an empty industry takes its section
        Assert.Equal(LeadSource.ThroughFirms, leads[0].Source);
        Assert.Equal(45000m, leads[0].PlannedInvestment);
        Assert.Equal(new DateOnly(2026, 11, 10), leads[0].LastContactOn);
        Assert.Equal(12000m, leads[1].SignedAmount);
        var contacts = await app.WithDbAsync(db => db.LeadContacts.IgnoreQueryFilters().CountAsync(c => c.LeadId == leads[0].Id));
        Assert.Equal(2, contacts);
        var town = await D.ApiClientAsync("chengguan");
        var list = await (await town.GetAsync($"/api/v1/leads?q={tag}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, list.GetProperty("total").GetInt32()); // 城关镇 sees its own, not 河口镇's

        // The same ledger again changes nothing; a later one moves a lead on and never back.
        var again = await (await office.PostAsync("/api/v1/leads/import", Upload(file, dryRun: false))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        var after = await CountsAsync();
        var later = Ledger(
            Header,
            ["1", $"碳化硅衬底项目{tag}", $"某半导体公司{tag}", "江苏无锡", "新材料", "45000", "以商招商", "城关镇", "张卫东", "已签约", "2026-09-01", "2026-11-18", "11月18日签约。", ""],
            ["2", $"铝基复材项目{tag}", $"某铝业集团{tag}", "浙江宁波", "新材料", "12000", "展会招商", "河口镇", "李明华", "在谈", "2026-05-01", "2026-11-01", "", ""]);
        var moved = await (await office.PostAsync("/api/v1/leads/import", Upload(later, dryRun: false))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(moved.GetProperty("written").GetBoolean());
        Assert.Contains(moved.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "leadStageBehind");
        var stages = await app.WithDbAsync(db => db.Leads.IgnoreQueryFilters().Where(x => x.Investor.EndsWith(tag)).OrderBy(x => x.Id).Select(x => x.Stage).ToListAsync());
        Assert.Equal([LeadStage.Signed, LeadStage.Signed, LeadStage.Terminated], stages);
        Assert.Equal(after.Leads, (await CountsAsync()).Leads);

        // A row whose unit is unknown stops the whole file: nothing of it is written.
        var beforeBad = await CountsAsync();
        var bad = Ledger(
            Header,
            ["1", $"新项目甲{tag}", $"某公司甲{tag}", "上海", "新材料", "1000", "网络招商", "城关镇", "张卫东", "线索", "2026-11-01", "2026-11-01", "", ""],
            ["2", $"新项目乙{tag}", "", "上海", "新材料", "1000", "网络招商", "火星镇", "张卫东", "线索", "2026-11-01", "2026-11-01", "", ""]);
        var refused = await office.PostAsync("/api/v1/leads/import", Upload(bad, dryRun: false));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var why = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(why.GetProperty("written").GetBoolean());
        var messages = why.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("message").GetString())).ToList();
        Assert.Contains(messages, m => m.Item2!.Contains("火星镇", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Item2!.Contains("没有填写投资方", StringComparison.Ordinal));
        Assert.Equal(beforeBad, await CountsAsync());

        // Not a workbook, and a town trying to import: refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.PostAsync("/api/v1/leads/import", Upload("not a workbook"u8.ToArray(), dryRun: true))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PostAsync("/api/v1/leads/import", Upload(file, dryRun: true))).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_explained_in_chinese_and_nothing_is_written()
    {
        using var pin = app.Clock.Pin(Now);
        var town = await D.ApiClientAsync("chengguan");
        var id = await TownLeadAsync(town, "校验测试项目", "某校验测试公司");
        var before = await CountsAsync();

        var noInvestor = await town.PostAsJsonAsync("/api/v1/leads", new { name = "无投资方", followingUnitId = await D.UnitIdAsync("城关镇"), stage = "Clue" });
        Assert.Equal(HttpStatusCode.BadRequest, noInvestor.StatusCode);
        Assert.Contains("必填", (await noInvestor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Investor")[0].GetString(), StringComparison.Ordinal);

        var signedAtOnce = await town.PostAsJsonAsync("/api/v1/leads", new { name = "直接签约", investor = "某公司", followingUnitId = await D.UnitIdAsync("城关镇"), stage = "Signed" });
        Assert.Equal(HttpStatusCode.BadRequest, signedAtOnce.StatusCode);

        // Another unit's lead cannot be registered by a town.
        var otherUnit = await town.PostAsJsonAsync("/api/v1/leads", new { name = "他人线索", investor = "某公司", followingUnitId = await D.UnitIdAsync("县发展和改革局"), stage = "Clue" });
        Assert.Equal(HttpStatusCode.BadRequest, otherUnit.StatusCode);
        Assert.True((await otherUnit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("FollowingUnitId", out _));

        var future = await town.PostAsJsonAsync($"/api/v1/leads/{id}/contacts", new { on = "2027-06-01", kind = "Visit", people = "甲", agreed = "乙" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var stepBefore = await town.PostAsJsonAsync($"/api/v1/leads/{id}/contacts", new { on = "2026-11-30", kind = "Visit", people = "甲", agreed = "乙", nextStepDue = "2026-11-01" });
        Assert.Equal(HttpStatusCode.BadRequest, stepBefore.StatusCode);
        Assert.Contains("下步时间", (await stepBefore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("NextStepDue")[0].GetString(), StringComparison.Ordinal);
        var control = await town.PostAsJsonAsync($"/api/v1/leads/{id}/contacts", new { on = "2026-11-30", kind = "Visit", people = "甲\u0007", agreed = "乙" });
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        var noReason = await town.PostAsJsonAsync($"/api/v1/leads/{id}/termination", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var huge = await town.PostAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage = "Signed", on = "2026-12-01", signedAmount = 1e12 });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);

        // The page form says the same in words on the page.
        var browser = await D.SignedInClientAsync("chengguan");
        var form = await TestData.PostFormAsync(browser, $"/Leads/{id}", $"/Leads/{id}?handler=Contact", new() { ["Contact.On"] = "2026-11-30", ["Contact.People"] = "", ["Contact.Agreed"] = "" });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("必填", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(LeadStage.Intent, await app.WithDbAsync(db => db.Leads.IgnoreQueryFilters().Where(l => l.WorkItemId == id).Select(l => l.Stage).SingleAsync()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class LeadsTestsOnSqlite(SqliteFactory app) : LeadsTests(app);

[Collection(OnPostgres.Name)]
public sealed class LeadsTestsOnPostgres(PostgresFactory app) : LeadsTests(app);
