using Duban.Web.Features.Accounts;
using Duban.Web.Features.Attachments;
using Duban.Web.Features.Audit;
using Duban.Web.Features.Bulletins;
using Duban.Web.Features.Calendar;
using Duban.Web.Features.Firms;
using Duban.Web.Features.Indicators;
using Duban.Web.Features.Leads;
using Duban.Web.Features.LedgerFiles;
using Duban.Web.Features.Ledgers;
using Duban.Web.Features.Notices;
using Duban.Web.Features.Overview;
using Duban.Web.Features.People;
using Duban.Web.Features.Projects;
using Duban.Web.Features.Settings;
using Duban.Web.Features.Tasks;
using Duban.Web.Features.Units;
using Duban.Web.Infrastructure;
using Duban.Web.Setup;

var (command, options) = Cli.Split(args);
var builder = WebApplication.CreateBuilder(options);
builder.AddDuban();
if (command is not null)
{
    // A command's own output (e.g. import --format json) is stdout; logs go to stderr.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

var app = builder.Build();

// A light reason without its step, or a table without a final "otherwise", stops the app here.
Duban.Domain.Work.LightRules.Check(Duban.Domain.Work.LightRules.Steps);

if (command is not null)
{
    return await Cli.RunAsync(app, command, options);
}

app.UseDuban();

app.MapHealth();
app.MapCultureSwitch();
app.MapRazorPages();

var api = app.MapApi();
api.MapMe();
api.MapUnitsApi();
api.MapPeopleApi();
api.MapAccountsApi();
api.MapHistoryApi();
api.MapAuditApi();
api.MapLedgersApi();
api.MapTasksApi();
api.MapCalendarApi();
api.MapSettingsApi();
api.MapProjectsApi();
api.MapOverviewApi();
api.MapNoticesApi();
api.MapDeliveriesApi();
api.MapAttachmentsApi();
api.MapLedgerFilesApi();
api.MapBulletinsApi();
api.MapIndicatorsApi();
api.MapLeadsApi();
api.MapFirmsApi();

await DatabaseStartup.PrepareAsync(app);
Cli.AnnounceWhenStarted(app);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
