using System.Text.Json;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Projects;

/// <summary>
/// An administrator uploads the region's boundary as GeoJSON; the map board draws it with no online tiles.
/// The file must be GeoJSON with polygons (a FeatureCollection, a Feature or a bare geometry) and at most 5 MB.
/// </summary>
public sealed class SaveRegionMap(DubanDb db, ScopeAccessor scopes, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "FeatureCollection", "Feature", "Polygon", "MultiPolygon", "GeometryCollection" };

    public async Task<Outcome<RegionMap>> RunAsync(string fileName, Stream content, long length, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new ValidationErrors();
        if (length > MaxBytes)
        {
            errors.Add("file", l["Projects.MapTooLarge", MaxBytes / 1024 / 1024]);
            return Outcome<RegionMap>.Invalid(errors);
        }

        string text;
        using (var reader = new StreamReader(content))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !Types.Contains(type.GetString()!)
                || Polygons(root, depth: 0) is not > 0)
            {
                errors.Add("file", l["Projects.MapNotGeoJson"]);
            }
        }
        catch (JsonException)
        {
            errors.Add("file", l["Projects.MapNotGeoJson"]);
        }

        if (errors.Any)
        {
            return Outcome<RegionMap>.Invalid(errors);
        }

        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageSystem);
        var map = await db.RegionMaps.FirstOrDefaultAsync(m => m.RegionId == scope.RegionId, ct);
        if (map is null)
        {
            map = new RegionMap { RegionId = scope.RegionId, GeoJson = text, FileName = fileName };
            db.RegionMaps.Add(map);
        }

        map.GeoJson = text;
        map.FileName = Path.GetFileName(fileName);
        map.UploadedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<RegionMap>.Ok(map);
    }

    /// <summary>
    /// The polygons a GeoJSON object holds, or null if any of its geometry is broken: a ring of fewer than four
    /// positions, a position that is not longitude and latitude on the earth. The map board draws what it is given.
    /// </summary>
    private static int? Polygons(JsonElement node, int depth)
    {
        if (node.ValueKind != JsonValueKind.Object || depth > 8 || !node.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        JsonElement children;
        switch (type.GetString())
        {
            case "FeatureCollection" when node.TryGetProperty("features", out children) && children.ValueKind == JsonValueKind.Array:
            case "GeometryCollection" when node.TryGetProperty("geometries", out children) && children.ValueKind == JsonValueKind.Array:
                var sum = 0;
                foreach (var child in children.EnumerateArray())
                {
                    if (Polygons(child, depth + 1) is not { } n)
                    {
                        return null;
                    }

                    sum += n;
                }

                return sum;
            case "Feature" when node.TryGetProperty("geometry", out var geometry):
                return geometry.ValueKind == JsonValueKind.Null ? 0 : Polygons(geometry, depth + 1);
            case "Polygon" when node.TryGetProperty("coordinates", out var rings):
                return IsPolygon(rings) ? 1 : null;
            case "MultiPolygon" when node.TryGetProperty("coordinates", out var polygons) && polygons.ValueKind == JsonValueKind.Array:
                return polygons.EnumerateArray().All(IsPolygon) ? polygons.GetArrayLength() : null;
            case "Point" or "MultiPoint" or "LineString" or "MultiLineString":
                return 0;
            default:
                return null;
        }
    }

    private static bool IsPolygon(JsonElement rings) =>
        rings.ValueKind == JsonValueKind.Array && rings.GetArrayLength() > 0
        && rings.EnumerateArray().All(ring => ring.ValueKind == JsonValueKind.Array && ring.GetArrayLength() >= 4 && ring.EnumerateArray().All(IsPosition));

    private static bool IsPosition(JsonElement position) =>
        position.ValueKind == JsonValueKind.Array && position.GetArrayLength() >= 2
        && position[0].ValueKind == JsonValueKind.Number && position[0].TryGetDouble(out var lon) && lon is >= -180 and <= 180
        && position[1].ValueKind == JsonValueKind.Number && position[1].TryGetDouble(out var lat) && lat is >= -90 and <= 90;
}
