using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Projects;

/// <summary>The map board (挂图作战): projects on the region's own map, coloured by light, filtered by stage and category.</summary>
[Requires(Permission.Read)]
[RequestSizeLimit(SaveRegionMap.MaxBytes + 64 * 1024)]
public sealed class MapModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public ProjectStage? Stage { get; private set; }
    public ProjectCategory? Category { get; private set; }
    public bool IsAdmin => User.May(Permission.ManageSystem);

    public void OnGet(ProjectStage? stage, ProjectCategory? category)
    {
        Stage = stage;
        Category = category;
    }

    [Requires(Permission.ManageSystem)]
    public async Task<IActionResult> OnPostBoundaryAsync(IFormFile? file, [FromServices] SaveRegionMap save, CancellationToken ct)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Validation.Required"]);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var outcome = await save.RunAsync(file.FileName, stream, file.Length, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            outcome.Errors!.CopyTo(ModelState, string.Empty);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/Projects/Map");
    }
}
