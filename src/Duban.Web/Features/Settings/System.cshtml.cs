using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Settings;

/// <summary>System settings of the region, kept by the administrator: the group robot, the map boundary.</summary>
[Requires(Permission.ManageSystem)]
public sealed class SystemModel(SaveSystemSettings settings, IStringLocalizer<SharedResource> l) : PageModel
{
    public SystemSettingsDto Current { get; private set; } = new(false, string.Empty);

    [BindProperty]
    public SystemSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Current = await settings.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await settings.RunAsync(Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, "Input.");
            Current = await settings.GetAsync(ct);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/Settings/System");
    }
}
