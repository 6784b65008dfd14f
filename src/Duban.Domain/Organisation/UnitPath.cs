using System.Globalization;

namespace Duban.Domain.Organisation;

/// <summary>Rules of the materialised path that places a unit in its region's tree.</summary>
public static class UnitPath
{
    public const string Root = "/";

    public static string Child(string parentPath, int id)
    {
        ArgumentNullException.ThrowIfNull(parentPath);
        if (!parentPath.EndsWith('/'))
        {
            throw new ArgumentException("A unit path ends with '/'.", nameof(parentPath));
        }

        return parentPath + id.ToString(CultureInfo.InvariantCulture) + "/";
    }

    public static bool IsWithin(string path, string ancestorPath) =>
        path.StartsWith(ancestorPath, StringComparison.Ordinal);

    public static int Depth(string path) => path.Count(c => c == '/') - 1;

    public static IReadOnlyList<int> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>
    /// A unit cannot move under itself or under one of its descendants: the tree would become a cycle.
    /// </summary>
    public static bool CanMoveUnder(string unitPath, string newParentPath) => !IsWithin(newParentPath, unitPath);

    /// <summary>The new path of a descendant when the subtree at <paramref name="oldPrefix"/> moves to <paramref name="newPrefix"/>.</summary>
    public static string Rebase(string path, string oldPrefix, string newPrefix)
    {
        if (!IsWithin(path, oldPrefix))
        {
            throw new ArgumentException("The path is not inside the moved subtree.", nameof(path));
        }

        return newPrefix + path[oldPrefix.Length..];
    }
}
