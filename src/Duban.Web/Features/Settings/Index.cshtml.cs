using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Settings;

/// <summary>The region's light rules and urging ladder, edited by the supervision office.</summary>
[Requires(Permission.ManageRules)]
public sealed class IndexModel(SaveRules rules, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RulesInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = RulesInput.From(await rules.GetAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await rules.RunAsync(Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, "Input.");
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/Settings");
    }
}
