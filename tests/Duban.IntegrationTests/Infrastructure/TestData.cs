using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Duban.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Infrastructure;

/// <summary>
/// Names for what the demo county holds, plus a second region ("other") that nobody in the
/// demo county may ever see.
/// </summary>
public sealed partial class TestData
{
    public const string Password = DemoSeeder.Password;
    public const string OtherLiaison = "other-liaison";

    private readonly DubanFactory factory;

    private TestData(DubanFactory factory) => this.factory = factory;

    public int RegionId { get; private set; }
    public int OtherRegionId { get; private set; }
    public int RootUnitId { get; private set; }

    /// <summary>县发展和改革局: unit A, the home of the liaison "fgj".</summary>
    public int UnitA { get; private set; }

    /// <summary>Unit A's tree path, for work items made directly in the database.</summary>
    public string UnitAPath { get; private set; } = "/";

    /// <summary>城关镇: unit B, the home of the liaison "chengguan".</summary>
    public int UnitB { get; private set; }

    public int PersonInA { get; private set; }
    public int PersonInB { get; private set; }
    public int OtherRegionUnit { get; private set; }
    public int OtherRegionPerson { get; private set; }
    public int OtherRegionAccount { get; private set; }
    public int LiaisonBAccount { get; private set; }

    /// <summary>A ledger of the demo county with a task led by unit B and a pending request on it.</summary>
    public int LedgerId { get; private set; }
    public int TaskB { get; private set; }
    public int ReviewB { get; private set; }
    public int OtherRegionLedger { get; private set; }
    public int OtherRegionTask { get; private set; }

    /// <summary>An unanswered supervision notice on unit B's task, and a message in unit B's liaison's inbox.</summary>
    public int NoticeB { get; private set; }
    public long MessageB { get; private set; }
    public int AttachmentB { get; private set; }

    /// <summary>A key project led by unit B, and one in the other region.</summary>
    public int ProjectB { get; private set; }
    public int OtherRegionProject { get; private set; }

    /// <summary>A bulletin draft of the county (the office's alone), and an issued bulletin of the other region.</summary>
    public int DraftBulletin { get; private set; }
    public int OtherRegionBulletin { get; private set; }

    /// <summary>The demo county's 规上工业总产值 (decomposed to the four towns), its county target's work item, and an indicator of the other region.</summary>
    public int Indicator { get; private set; }
    public int IndicatorItem { get; private set; }
    public int OtherRegionIndicator { get; private set; }

    /// <summary>A demo lead 城关镇 follows (unit B), and a lead of the other region; both work item ids.</summary>
    public int LeadB { get; private set; }
    public int OtherRegionLead { get; private set; }

    /// <summary>A demo firm's need assigned to 城关镇, and a firm and need of the other region.</summary>
    public int NeedB { get; private set; }
    public int FirmB { get; private set; }
    public int OtherRegionFirm { get; private set; }
    public int OtherRegionNeed { get; private set; }

    public static async Task<TestData> CreateAsync(DubanFactory factory)
    {
        var data = new TestData(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.RegionCode);
        data.RegionId = region.Id;
        data.RootUnitId = await db.Units.Where(u => u.RegionId == region.Id && u.ParentId == null).Select(u => u.Id).SingleAsync();
        data.UnitA = await db.Units.Where(u => u.Name == "县发展和改革局").Select(u => u.Id).SingleAsync();
        data.UnitB = await db.Units.Where(u => u.Name == "城关镇").Select(u => u.Id).SingleAsync();
        data.UnitAPath = await db.Units.Where(u => u.Id == data.UnitA).Select(u => u.Path).SingleAsync();
        data.PersonInA = await db.People.Where(p => p.UnitId == data.UnitA).Select(p => p.Id).FirstAsync();
        data.PersonInB = await db.People.Where(p => p.UnitId == data.UnitB).Select(p => p.Id).FirstAsync();
        data.LiaisonBAccount = await db.Users.Where(a => a.UserName == "chengguan").Select(a => a.Id).SingleAsync();

        var other = new Region { Name = "白云区", Code = "990202" };
        db.Regions.Add(other);
        await db.SaveChangesAsync();
        var root = new Unit { RegionId = other.Id, Name = "白云区委区政府", Kind = UnitKind.Leadership };
        db.Units.Add(root);
        await db.SaveChangesAsync();
        root.Path = UnitPath.Child(UnitPath.Root, root.Id);
        var bureau = new Unit { RegionId = other.Id, ParentId = root.Id, Name = "区发展和改革局", Kind = UnitKind.Department };
        db.Units.Add(bureau);
        await db.SaveChangesAsync();
        bureau.Path = UnitPath.Child(root.Path, bureau.Id);
        var person = new Person { RegionId = other.Id, UnitId = bureau.Id, Name = "赵其他", Title = "联络员" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        data.OtherRegionId = other.Id;
        data.OtherRegionUnit = bureau.Id;
        data.OtherRegionPerson = person.Id;

        var ledger = new Ledger { RegionId = region.Id, Name = "测试任务清单", Year = 2026 };
        var otherLedger = new Ledger { RegionId = other.Id, Name = "白云区任务清单", Year = 2026 };
        db.Ledgers.AddRange(ledger, otherLedger);
        await db.SaveChangesAsync();
        var unitBPath = await db.Units.Where(u => u.Id == data.UnitB).Select(u => u.Path).SingleAsync();
        var taskB = new WorkItem { RegionId = region.Id, LedgerId = ledger.Id, LeadUnitId = data.UnitB, LeadUnitPath = unitBPath, Name = "城关镇老旧小区改造", StartDate = new DateOnly(2026, 1, 1), Deadline = new DateOnly(2026, 12, 31) };
        var otherTask = new WorkItem { RegionId = other.Id, LedgerId = otherLedger.Id, LeadUnitId = bureau.Id, LeadUnitPath = bureau.Path, Name = "白云区项目", StartDate = new DateOnly(2026, 1, 1) };
        db.WorkItems.AddRange(taskB, otherTask);
        await db.SaveChangesAsync();
        var reviewB = new Review { RegionId = region.Id, WorkItemId = taskB.Id, Kind = ReviewKind.Adjustment, Status = ReviewStatus.Pending, Statement = "调整内容", RequestedByName = "城关镇", RequestedAt = DateTime.UtcNow };
        db.Reviews.Add(reviewB);
        await db.SaveChangesAsync();
        data.LedgerId = ledger.Id;
        data.TaskB = taskB.Id;
        data.ReviewB = reviewB.Id;
        data.OtherRegionLedger = otherLedger.Id;
        data.OtherRegionTask = otherTask.Id;
        var noticeB = new Notice { RegionId = region.Id, WorkItemId = taskB.Id, Kind = NoticeKind.SupervisionNotice, Year = 2026, Sequence = 900, Body = "请说明", AnswerBy = new DateOnly(2030, 1, 1), IssuedByName = "督查室" };
        db.Notices.Add(noticeB);
        await db.SaveChangesAsync();
        data.NoticeB = noticeB.Id;
        var reportB = new ProgressReport { RegionId = region.Id, WorkItemId = taskB.Id, SubmittedAt = DateTime.UtcNow, SubmittedByName = "城关镇", Done = "推进中" };
        db.ProgressReports.Add(reportB);
        await db.SaveChangesAsync();
        var attachmentB = new Attachment { RegionId = region.Id, ProgressReportId = reportB.Id, WorkItemId = taskB.Id, FileName = "b.jpg", ContentType = "image/jpeg", Size = 1, StorageKey = "none/b.jpg", Sha256 = "0", UploadedAt = DateTime.UtcNow };
        db.Attachments.Add(attachmentB);
        await db.SaveChangesAsync();
        data.AttachmentB = attachmentB.Id;

        var projectB = new WorkItem { RegionId = region.Id, LedgerId = ledger.Id, Kind = WorkItemKind.KeyProject, LeadUnitId = data.UnitB, LeadUnitPath = unitBPath, Name = "城关镇商贸综合体", StartDate = new DateOnly(2026, 1, 1) };
        var otherProject = new WorkItem { RegionId = other.Id, LedgerId = otherLedger.Id, Kind = WorkItemKind.KeyProject, LeadUnitId = bureau.Id, LeadUnitPath = bureau.Path, Name = "白云区产业园", StartDate = new DateOnly(2026, 1, 1) };
        db.WorkItems.AddRange(projectB, otherProject);
        await db.SaveChangesAsync();
        db.Projects.AddRange(
            new Domain.Projects.Project { RegionId = region.Id, WorkItemId = projectB.Id, Pool = Domain.Projects.ProjectPool.Implementation, TotalInvestment = 20000, Longitude = 113.3, Latitude = 28.3 },
            new Domain.Projects.Project { RegionId = other.Id, WorkItemId = otherProject.Id, Pool = Domain.Projects.ProjectPool.Implementation, TotalInvestment = 5000, Longitude = 113.2, Latitude = 28.2 });
        await db.SaveChangesAsync();
        data.ProjectB = projectB.Id;
        data.OtherRegionProject = otherProject.Id;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = OtherLiaison, DisplayName = "赵其他", RegionId = other.Id, UnitId = bureau.Id, PersonId = person.Id };
        Check(await users.CreateAsync(account, Password));
        Check(await users.AddToRoleAsync(account, Roles.Liaison));
        data.OtherRegionAccount = account.Id;
        var messageB = new Message { RegionId = region.Id, AccountId = data.LiaisonBAccount, Kind = MessageKind.Notice, Title = "督办", CreatedAt = DateTime.UtcNow, DedupKey = "test:" + Guid.NewGuid() };
        db.Messages.Add(messageB);
        await db.SaveChangesAsync();
        data.MessageB = messageB.Id;

        static Domain.Bulletins.Bulletin Bulletin(int regionId, DateOnly start) => new()
        {
            RegionId = regionId,
            Kind = Domain.Bulletins.BulletinKind.Weekly,
            PeriodStart = start,
            PeriodEnd = start.AddDays(6),
            Title = "测试通报",
            IssuingOffice = "督查室",
            Addressee = "各单位：",
            Summary = "总体情况",
            Requirements = "要求",
            Figures = new Web.Features.Bulletins.BulletinFigures(
                "测试", start, start, start.AddDays(6), Web.Features.Overview.LightCounts.None, Web.Features.Overview.LightCounts.None, Web.Features.Overview.LightCounts.None,
                new Web.Features.Bulletins.PeriodActivity(0, 0, 0, 0, 0, 0, 0), [], 0, [], 0, [], []).ToJson(),
            ComposedByName = "测试",
            ComposedAt = DateTime.UtcNow,
        };
        var draft = Bulletin(region.Id, new DateOnly(2020, 1, 6));
        var otherBulletin = Bulletin(other.Id, new DateOnly(2020, 1, 6));
        otherBulletin.Issue(2020, 1, new DateOnly(2020, 1, 10), DateTime.UtcNow, "测试");
        db.Bulletins.AddRange(draft, otherBulletin);
        await db.SaveChangesAsync();
        data.DraftBulletin = draft.Id;
        data.OtherRegionBulletin = otherBulletin.Id;

        data.Indicator = await db.Indicators.IgnoreQueryFilters().Where(i => i.RegionId == region.Id && i.Name == "规上工业总产值").Select(i => i.Id).SingleAsync();
        data.IndicatorItem = await db.IndicatorTargets.IgnoreQueryFilters().Where(t => t.IndicatorId == data.Indicator && t.UnitId == null).Select(t => t.WorkItemId).FirstAsync();
        var otherIndicator = new Domain.Indicators.Indicator { RegionId = other.Id, Name = "地区生产总值", Measure = "亿元", LeadUnitId = data.OtherRegionUnit };
        db.Indicators.Add(otherIndicator);
        await db.SaveChangesAsync();
        data.OtherRegionIndicator = otherIndicator.Id;

        data.LeadB = await db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == region.Id && w.Kind == WorkItemKind.Lead && w.Name == "预制菜中央厨房项目").Select(w => w.Id).SingleAsync();
        var otherUnitPath = await db.Units.IgnoreQueryFilters().Where(u => u.Id == data.OtherRegionUnit).Select(u => u.Path).SingleAsync();
        var otherLead = new WorkItem { RegionId = other.Id, LedgerId = data.OtherRegionLedger, Kind = WorkItemKind.Lead, Name = "外县在谈项目", LeadUnitId = data.OtherRegionUnit, LeadUnitPath = otherUnitPath, StartDate = new DateOnly(2026, 1, 1) };
        db.WorkItems.Add(otherLead);
        await db.SaveChangesAsync();
        otherLead.PlaceUnder((WorkItem?)null);
        var otherLeadRow = new Domain.Promotion.Lead { RegionId = other.Id, WorkItemId = otherLead.Id, Investor = "外县投资方" };
        otherLeadRow.Start(new DateOnly(2026, 1, 1));
        db.Leads.Add(otherLeadRow);
        await db.SaveChangesAsync();
        data.OtherRegionLead = otherLead.Id;

        data.NeedB = await db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == region.Id && w.Kind == WorkItemKind.Problem && w.Name == "厂区门前道路破损影响物流车辆通行").Select(w => w.Id).SingleAsync();
        data.FirmB = await db.FirmNeeds.IgnoreQueryFilters().Where(n => n.WorkItemId == data.NeedB).Select(n => n.FirmId).SingleAsync();
        var otherFirm = new Domain.Promotion.Firm { RegionId = other.Id, Name = "外县企业有限公司", RegisteredOn = new DateOnly(2026, 1, 1) };
        var otherNeed = new WorkItem { RegionId = other.Id, LedgerId = data.OtherRegionLedger, Kind = WorkItemKind.Problem, Name = "外县企业诉求", LeadUnitId = data.OtherRegionUnit, LeadUnitPath = otherUnitPath, StartDate = new DateOnly(2026, 1, 1), Deadline = new DateOnly(2030, 1, 1) };
        db.AddRange(otherFirm, otherNeed);
        await db.SaveChangesAsync();
        otherNeed.PlaceUnder((WorkItem?)null);
        var otherNeedRow = new Domain.Promotion.FirmNeed { RegionId = other.Id, WorkItemId = otherNeed.Id, FirmId = otherFirm.Id };
        otherNeedRow.Open(DateTime.UtcNow.AddDays(-1));
        db.FirmNeeds.Add(otherNeedRow);
        await db.SaveChangesAsync();
        data.OtherRegionFirm = otherFirm.Id;
        data.OtherRegionNeed = otherNeed.Id;
        return data;
    }

    /// <summary>A unit of the demo county by name (other tests make regions of their own with the same town names).</summary>
    public Task<int> UnitIdAsync(string name) => factory.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Name == name && u.RegionId == RegionId).Select(u => u.Id).SingleAsync());

    /// <summary>A client that calls the API with a fresh bearer token of the named account.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName, string? acceptLanguage = null, WebApplicationFactory<Program>? host = null)
    {
        var token = await TokenAsync(userName);
        var client = (host ?? factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    /// <summary>A fresh token of the named account, valid for 90 days as the tokens page makes them.</summary>
    public async Task<string> TokenAsync(string userName, DateTime? expiresAt = null)
    {
        var token = ApiTokenAuthentication.NewToken();
        await factory.WithDbAsync(async db =>
        {
            var accountId = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == userName).Select(a => a.Id).SingleAsync();
            db.ApiTokens.Add(new ApiToken { AccountId = accountId, Name = "test", Prefix = token[..10], Hash = ApiTokenAuthentication.HashOf(token), CreatedAt = DateTime.UtcNow, ExpiresAt = expiresAt ?? DateTime.UtcNow.AddDays(ApiTokenAuthentication.DefaultDays) });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    public HttpClient AnonymousClient(WebApplicationFactory<Program>? host = null) =>
        (host ?? factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A browser-like client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = Password, WebApplicationFactory<Program>? host = null)
    {
        var client = AnonymousClient(host);
        var response = await PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Opens a form page, then posts to it with that page's antiforgery token, as a browser would.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string postUrl, Dictionary<string, string> fields) =>
        PostFormAsync(client, formPage, postUrl, (IEnumerable<KeyValuePair<string, string>>)fields);

    /// <summary>The same, for forms that repeat a field name (checkbox lists, a checkbox and its hidden "false").</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage}.");
        }

        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(postUrl, content);
    }

    /// <summary>An account of the demo county made through the administrator's API; returns its id.</summary>
    public async Task<int> NewAccountAsync(string userName, string role, int unitId, string password)
    {
        var admin = await ApiClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName, displayName = userName, unitId, roles = new[] { role }, password });
        if (created.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Account {userName}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        return (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
