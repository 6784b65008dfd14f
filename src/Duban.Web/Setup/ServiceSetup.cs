using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Setup;

public static class ServiceSetup
{
    private const string SmartScheme = "Duban";

    public static void AddDuban(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IActorAccessor, HttpActorAccessor>();
        services.AddScoped<ScopeAccessor>();
        services.AddScoped<Features.Units.SaveUnit>();
        services.AddScoped<Features.People.SavePerson>();
        services.AddScoped<Features.Accounts.SaveAccount>();
        services.AddScoped<Features.Lights.RecomputeLights>();
        services.AddScoped<Features.Tasks.WorkContext>();
        services.AddScoped<Features.Tasks.SaveTask>();
        services.AddSingleton<Features.Tasks.WorkItemIds>();
        services.AddScoped<Features.Tasks.SubmitProgressReport>();
        services.AddScoped<Features.Tasks.RequestReview>();
        services.AddScoped<Features.Tasks.DecideReview>();
        services.AddScoped<Features.Tasks.ExemptTask>();
        services.AddScoped<Features.Tasks.BulkAssign>();
        services.AddScoped<Features.Ledgers.SaveLedger>();
        services.AddScoped<Features.Calendar.SaveCalendarDay>();
        services.AddScoped<Features.Notices.IssueNotice>();
        services.AddScoped<Features.Notices.AnswerNotice>();
        services.AddScoped<Features.Notices.SendReminders>();
        services.AddScoped<Features.Notices.Escalate>();
        services.AddScoped<Features.Settings.SaveRules>();
        services.AddScoped<Features.Settings.SaveSystemSettings>();
        services.AddScoped<Features.Projects.SaveProject>();
        services.AddScoped<Features.Projects.ProjectActions>();
        services.AddScoped<Features.Indicators.IndicatorWork>();
        services.AddScoped<Features.Indicators.IndicatorActions>();
        services.AddScoped<Features.Leads.LeadActions>();
        services.AddScoped<Features.Firms.FirmActions>();
        services.AddScoped<Features.Leads.ImportLeads>();
        services.AddScoped<Features.Indicators.ImportIndicators>();
        services.AddScoped<Features.Indicators.IndicatorExport>();
        services.AddScoped<Features.Projects.SaveRegionMap>();
        services.AddScoped<Features.Problems.RaiseProblem>();
        services.AddScoped<Features.LedgerFiles.LedgerImport>();
        services.AddScoped<Features.LedgerFiles.ImportSession>();
        services.AddScoped<Features.LedgerFiles.LedgerExport>();
        services.AddScoped<Features.Bulletins.ComposeBulletin>();
        services.AddScoped<Features.Bulletins.EditBulletin>();
        services.AddScoped<Features.Bulletins.IssueBulletin>();
        services.AddScoped<Features.Bulletins.DiscardBulletin>();
        services.AddScoped<Features.Bulletins.ComposeScheduledDrafts>();
        services.AddSingleton<Features.Attachments.IFileStore, Features.Attachments.LocalFileStore>();
        services.Configure<Features.Notices.NotifyOptions>(config.GetSection("Duban:Notify"));
        services.AddScoped<Features.Notices.QueueDeliveries>();
        services.AddScoped<Features.Notices.SendDeliveries>();
        services.AddSingleton<Features.Notices.IEmailSender, Features.Notices.SmtpEmailSender>();
        services.AddHttpClient("webhook", c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<Jobs.RemindersJob>();
        services.AddHostedService<Jobs.LightsJob>();
        services.AddHostedService<Jobs.BulletinsJob>();
        services.AddScoped<Features.Audit.VerifyAuditChain>();
        services.AddHostedService<Jobs.AuditSealJob>();

        var database = DatabaseOptions.From(config, builder.Environment.ContentRootPath);
        services.AddSingleton(database);
        services.AddDbContext<DubanDb>(o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString));
        services.AddScoped<DubanDbForks>();

        services.AddDataProtection().SetApplicationName("Duban").PersistKeysToDbContext<DubanDb>();

        services.AddIdentity<Account, Role>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<DubanDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DubanClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "duban.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = Sessions.ValidateCookieAsync;
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                // A signed-in person who may not open a page gets a 403 page, not a redirect.
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Browsers sign in with the Identity cookie; API clients send a bearer token. One policy
        // scheme picks per request, so every API endpoint accepts either and none needs to know which.
        // Pages never take a token: managing tokens, passwords and sign-in needs the person.
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = ctx =>
                IsApi(ctx) && ApiTokenAuthentication.HasBearer(ctx.Request) ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Api, p => p.RequireAuthenticatedUser())
            .AddPermissionPolicies();

        services.AddLocalization(o => o.ResourcesPath = "Resources");

        // Chinese text goes out as text, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var defaults = Cultures.Options();
            o.DefaultRequestCulture = defaults.DefaultRequestCulture;
            o.SupportedCultures = defaults.SupportedCultures;
            o.SupportedUICultures = defaults.SupportedUICultures;
            o.RequestCultureProviders = defaults.RequestCultureProviders;
        });

        services.AddMemoryCache();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "duban.csrf";
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AddFolderApplicationModelConvention("/SignIn", m => m.EndpointMetadata.Add(new RequiresAttribute(Permission.OwnAccount)));
                o.Conventions.AllowAnonymousToPage("/SignIn/Login");
                o.Conventions.AllowAnonymousToPage("/SignIn/LoginWith2fa");
                o.Conventions.AllowAnonymousToPage("/SignIn/LoginWithRecoveryCode");
                o.Conventions.AllowAnonymousToPage("/SignIn/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddViewLocalization()
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<PermissionPageFilter>();
                o.Filters.Add<GetIgnoresUnreadableQuery>();
            });
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = LocalizedProblemDetails.Customize);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<NotPermittedHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new StrictEnumConverter()));
        services.AddOpenApi("v1", o => o
            .AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Duban API";
                doc.Info.Version = "v1";
                doc.Info.Description = "督办 — supervision of assigned work. Authenticate with 'Authorization: Bearer dbn_…'.";
                return Task.CompletedTask;
            })
            .AddSchemaTransformer(StrictEnumConverter.DescribeAsync));

        builder.AddDubanSecurity();
    }

    public static void UseDuban(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedClient();
        app.Use(SecurityHeaders);
        // Culture first, so that error pages and ProblemDetails written on the way out speak it too.
        app.UseRequestLocalization();
        // API callers get ProblemDetails; people get a page in their language with the real status code.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error/500",
                StatusCodeSelector = ex => ex is NotPermittedException ? StatusCodes.Status403Forbidden : StatusCodes.Status500InternalServerError,
                SuppressDiagnosticsCallback = c => c.Exception is NotPermittedException,
            });
            pages.UseStatusCodePagesWithReExecute("/Error/{0}");
            pages.Use(UntypeableQuery.DropAsync);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseSignInLimits();
        app.UseAuthentication();
        app.UseTwoFactorRequirement();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
    }

    public static RouteGroupBuilder MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.Api)
            .AddEndpointFilter<CookieApiAntiforgery>()
            .AddEndpointFilterFactory(InputBounds.Filter)
            .WithTags("Duban");
    }

    public static void MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", async (DubanDb db, CancellationToken ct) =>
        {
            var ok = false;
            try
            {
                ok = await db.Database.CanConnectAsync(ct);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                ok = false;
            }

            var body = new { status = ok ? "Healthy" : "Unhealthy", database = ok ? "ok" : "unreachable" };
            return ok ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    public static void MapCultureSwitch(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/culture", ([Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl, HttpContext http) =>
        {
            var chosen = Cultures.Supported.Any(c => c.Name == culture) ? culture : Cultures.Chinese;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static bool IsApi(HttpContext ctx) => NotPermittedHandler.IsApi(ctx);

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.HttpContext) || ctx.Request.Headers["HX-Request"] == "true")
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Scripts only from our own files, never inline or eval'd; styles inline only as attributes (Tabler's
    /// markup, ECharts' tooltips). Why each directive: docs/decisions/0014.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'; " +
        "img-src 'self' data:; style-src 'self' 'unsafe-inline'; style-src-elem 'self'; style-src-attr 'unsafe-inline'";

    /// <summary>The same for a PDF opened in the browser, whose built-in viewer embeds the file in its own page.</summary>
    public static readonly string PdfContentSecurityPolicy = ContentSecurityPolicy.Replace("object-src 'none'", "object-src 'self'", StringComparison.Ordinal);

    private static Task SecurityHeaders(HttpContext ctx, Func<Task> next)
    {
        // Set as the response starts, so that responses whose headers were cleared on the way (an exception
        // handler's ProblemDetails) carry them too.
        ctx.Response.OnStarting(() =>
        {
            var headers = ctx.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = ctx.Response.ContentType == "application/pdf" ? PdfContentSecurityPolicy : ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next();
    }
}

/// <summary>Where the data lives. SQLite in the data folder unless configured otherwise.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseOptions From(IConfiguration config, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(config);
        var provider = DatabaseSetup.Parse(config["Database:Provider"]);
        var dataDir = Path.GetFullPath(config["Duban:DataDirectory"] ?? "data", contentRoot);
        var connection = config.GetConnectionString("Duban");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException("ConnectionStrings:Duban is required for PostgreSQL.");
            }

            connection = $"Data Source={Path.Combine(dataDir, "duban.db")}";
        }

        return new DatabaseOptions(provider, connection, dataDir);
    }
}

/// <summary>
/// A browser that calls the API with its sign-in cookie must also send the antiforgery header on
/// writes; bearer-token clients cannot be driven by another site, so they need not.
/// </summary>
public sealed class CookieApiAntiforgery(Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !ApiTokenAuthentication.HasBearer(http.Request)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["Problem.Antiforgery"]);
        }

        return await next(context);
    }
}
