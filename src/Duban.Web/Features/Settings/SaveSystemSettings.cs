using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Settings;

public sealed record SystemSettingsInput
{
    /// <summary>A new robot address; empty keeps the one configured.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Remove the region's robot (the deployment's, if configured, is used again).</summary>
    public bool ClearWebhook { get; init; }
}

/// <summary>What the administrator sees of the system settings: never the robot's secret, only where it goes.</summary>
public sealed record SystemSettingsDto(bool WebhookConfigured, string Webhook);

/// <summary>The administrator sets the region's group robot; the address is kept, and shown back masked.</summary>
public sealed class SaveSystemSettings(DubanDb db, ScopeAccessor scopes, IStringLocalizer<SharedResource> l)
{
    public const int MaxUrlLength = 1000;

    public async Task<SystemSettingsDto> GetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var url = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.WebhookUrl).FirstOrDefaultAsync(ct);
        return new SystemSettingsDto(url is not null, Secrets.Mask(url));
    }

    public async Task<Outcome<SystemSettingsDto>> RunAsync(SystemSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageSystem);
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == scope.RegionId, ct);
        if (region is null)
        {
            return Outcome<SystemSettingsDto>.NotFound();
        }

        var url = input.WebhookUrl?.Trim();
        if (input.ClearWebhook)
        {
            region.WebhookUrl = null;
        }
        else if (!string.IsNullOrEmpty(url))
        {
            var errors = new ValidationErrors();
            if (url.Length > MaxUrlLength)
            {
                errors.Add(nameof(SystemSettingsInput.WebhookUrl), l["Validation.MaxLength", MaxUrlLength]);
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                errors.Add(nameof(SystemSettingsInput.WebhookUrl), l["System.WebhookInvalid"]);
            }

            if (errors.Any)
            {
                return Outcome<SystemSettingsDto>.Invalid(errors);
            }

            region.WebhookUrl = url;
        }

        await db.SaveChangesAsync(ct);
        return Outcome<SystemSettingsDto>.Ok(new SystemSettingsDto(region.WebhookUrl is not null, Secrets.Mask(region.WebhookUrl)));
    }
}
