package io.easnet.cli.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public API of a package root as a stable, sorted, javap-like text: every public or protected type outside
 * {@code internal} packages that a user can name (all its enclosing types are visible too), with its public and
 * protected fields, constructors and methods, generic signatures included. Members a visible type inherits from a
 * non-public superclass (the builders Immutables generates behind {@code X.Builder}) are listed under the visible
 * type, because users call them there. Synthetic and bridge members, package-private types (such as the generated
 * {@code ImmutableX}) and members inherited from public types (listed under their own type) are left out.
 */
final class ApiListing {
  private ApiListing() {}

  /** The production classes under {@code root} (tests excluded), loaded without initialising them. */
  static List<Class<?>> productionClasses(String root) {
    return load(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(root), root);
  }

  /** Every class under {@code root}, tests included (for fixtures). */
  static List<Class<?>> allClasses(String root) {
    return load(new ClassFileImporter().importPackages(root), root);
  }

  private static List<Class<?>> load(Iterable<JavaClass> classes, String root) {
    List<Class<?>> out = new ArrayList<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().equals(root) || c.getPackageName().startsWith(root + ".")) {
        try {
          out.add(Class.forName(c.getName(), false, ApiListing.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("class " + c.getName() + " was imported but cannot be loaded", e);
        }
      }
    }
    return out;
  }

  /** The listing of the API types among {@code classes}: one block per type, sorted by name, ending in a newline. */
  static String of(List<Class<?>> classes) {
    Map<String, String> blocks = new java.util.TreeMap<>();
    for (Class<?> c : classes) {
      if (isApi(c)) {
        blocks.put(c.getName(), block(c));
      }
    }
    return String.join("\n", blocks.values());
  }

  static boolean isApi(Class<?> c) {
    if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass() || c.getSimpleName().equals("package-info")
        || inInternalPackage(c.getPackageName())) {
      return false;
    }
    for (Class<?> t = c; t != null; t = t.getEnclosingClass()) {
      if (!visible(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean inInternalPackage(String pkg) {
    return Arrays.asList(pkg.split("\\.")).contains("internal");
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String block(Class<?> c) {
    StringBuilder out = new StringBuilder(header(c)).append(" {\n");
    TreeSet<String> fields = new TreeSet<>();
    for (Field f : c.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        fields.add(modifiers(f.getModifiers() & Modifier.fieldModifiers()) + name(f.getGenericType()) + " "
            + f.getName());
      }
    }
    TreeSet<String> constructors = new TreeSet<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic()) {
        constructors.add(modifiers(k.getModifiers() & Modifier.constructorModifiers()) + typeParameters(k)
            + c.getSimpleName() + parameters(k) + exceptions(k));
      }
    }
    Map<String, String> methods = new LinkedHashMap<>();
    for (Class<?> t = c; t != null; t = t.getSuperclass()) {
      if (t != c && visible(t.getModifiers()) && isApi(t) || t == Object.class) {
        break; // members of a visible superclass are listed under it
      }
      for (Method m : t.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          String key = m.getName() + Arrays.toString(m.getGenericParameterTypes());
          methods.putIfAbsent(key, method(c, m));
        }
      }
    }
    for (String line : fields) {
      out.append("  ").append(line).append('\n');
    }
    for (String line : constructors) {
      out.append("  ").append(line).append('\n');
    }
    for (String line : new TreeSet<>(methods.values())) {
      out.append("  ").append(line).append('\n');
    }
    return out.append("}\n").toString();
  }

  private static String header(Class<?> c) {
    int mods = c.getModifiers() & Modifier.classModifiers();
    String kind;
    if (c.isAnnotation()) {
      kind = "@interface";
      mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE | Modifier.STATIC);
    } else if (c.isInterface()) {
      kind = "interface";
      mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (c.isEnum()) {
      kind = "enum";
      mods &= ~(Modifier.FINAL | Modifier.ABSTRACT | Modifier.STATIC);
    } else if (c.isRecord()) {
      kind = "record";
      mods &= ~(Modifier.FINAL | Modifier.STATIC);
    } else {
      kind = "class";
    }
    StringBuilder out = new StringBuilder(modifiers(mods));
    if (c.isSealed()) {
      out.append("sealed ");
    }
    out.append(kind).append(' ').append(c.getName()).append(typeParameters(c.getTypeParameters()));
    List<Type> interfaces = new ArrayList<>(Arrays.asList(c.getGenericInterfaces()));
    Type superclass = c.getGenericSuperclass();
    while (superclass != null && !isApi(erasure(superclass))) {
      interfaces.addAll(Arrays.asList(erasure(superclass).getGenericInterfaces())); // behind a hidden superclass
      superclass = erasure(superclass).getGenericSuperclass();
    }
    if (superclass != null && superclass != Object.class && superclass != Record.class && !c.isEnum()) {
      out.append(" extends ").append(name(superclass));
    }
    TreeSet<String> visibleInterfaces = new TreeSet<>();
    for (Type i : interfaces) {
      if (isApi(erasure(i)) && !(c.isAnnotation() && erasure(i) == java.lang.annotation.Annotation.class)) {
        visibleInterfaces.add(name(i));
      }
    }
    if (!visibleInterfaces.isEmpty()) {
      out.append(c.isInterface() ? " extends " : " implements ").append(String.join(", ", visibleInterfaces));
    }
    if (c.isSealed()) { // hidden subclasses (a generated ImmutableX) are not named: users cannot name them
      String permitted = Arrays.stream(c.getPermittedSubclasses()).filter(ApiListing::isApi).map(Class::getName)
          .sorted().collect(Collectors.joining(", "));
      if (!permitted.isEmpty()) {
        out.append(" permits ").append(permitted);
      }
    }
    return out.toString();
  }

  private static String method(Class<?> owner, Method m) {
    int mods = m.getModifiers() & Modifier.methodModifiers();
    String prefix = modifiers(mods);
    if (m.isDefault()) {
      prefix += "default ";
    }
    return prefix + typeParameters(m) + name(m.getGenericReturnType()) + " " + m.getName() + parameters(m)
        + exceptions(m);
  }

  private static String typeParameters(Executable e) {
    String params = typeParameters(e.getTypeParameters());
    return params.isEmpty() ? "" : params + " ";
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables).map(v -> {
      List<String> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).map(ApiListing::name)
          .collect(Collectors.toList());
      return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
    }).collect(Collectors.joining(", ", "<", ">"));
  }

  private static String parameters(Executable e) {
    Type[] types = e.getGenericParameterTypes();
    if (types.length != e.getParameterCount()) {
      types = e.getParameterTypes(); // inner-class constructors may drop the outer instance from the generic view
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String n = name(types[i]);
      if (e.isVarArgs() && i == types.length - 1 && n.endsWith("[]")) {
        n = n.substring(0, n.length() - 2) + "...";
      }
      names.add(n);
    }
    return names.stream().collect(Collectors.joining(", ", "(", ")"));
  }

  private static String exceptions(Executable e) {
    Type[] thrown = e.getGenericExceptionTypes();
    if (thrown.length == 0) {
      return "";
    }
    return " throws " + Arrays.stream(thrown).map(ApiListing::name).sorted().collect(Collectors.joining(", "));
  }

  private static String modifiers(int modifiers) {
    String text = Modifier.toString(modifiers);
    return text.isEmpty() ? "" : text + " ";
  }

  private static Class<?> erasure(Type type) {
    return type instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  /** A type as source would name it, nested types with {@code $} as in the binary name (unambiguous). */
  static String name(Type type) {
    return type.getTypeName();
  }
}
