"""Concept neurons, each with a word list of its own (not the scientist's)."""

import zlib

DOMAIN = "neurons"


def _jitter(word, salt):
    return zlib.crc32(f"{salt}:{str(word).strip().lower()}".encode()) % 1000 / 1000 * 0.05


def _member(word, words, salt, level=0.9):
    return (level if str(word).strip().lower() in set(words.split()) else 0.0) + _jitter(word, salt)


def farm_and_wild_mammals(word):
    """Mammals."""
    return _member(word, "bull calf ox stallion mare pony lamb ewe ram boar sow piglet hound "
                   "puppy kitten lion tiger leopard panther hyena jackal antelope gazelle bison "
                   "yak llama alpaca elk reindeer hare vole shrew ferret mink porcupine sloth "
                   "armadillo anteater baboon lemur orangutan wombat platypus dog cat horse bear", "mam")


def birds(word):
    """Birds."""
    return _member(word, "lark thrush nightingale cuckoo jay kestrel osprey ibis crane "
                   "cormorant partridge pheasant quail grouse dove sparrow owl eagle hawk "
                   "parrot penguin duck goose swan crow raven robin wren gull tern kiwi", "bird")


def fruit(word):
    """Fruit of any kind."""
    return _member(word, "apple pear peach plum cherry grape orange lemon lime banana mango "
                   "melon kiwi fig date apricot berry strawberry raspberry blueberry papaya "
                   "guava lychee coconut pineapple pomegranate tangerine grapefruit nectarine "
                   "cranberry currant damson sloe", "fruit")


def vegetables(word):
    """Vegetables."""
    return _member(word, "carrot potato onion cabbage lettuce spinach broccoli pea bean "
                   "tomato cucumber pumpkin turnip radish leek celery garlic corn squash "
                   "asparagus artichoke beet kale yam marrow sprouts cauliflower", "veg")


def vehicles(word):
    """Vehicles that carry people or goods."""
    return _member(word, "car automobile bus coach truck lorry van taxi cab tram train "
                   "bicycle motorbike scooter ship boat ferry yacht plane jet helicopter "
                   "sledge sled wagon cart chariot carriage rickshaw hovercraft ambulance "
                   "tractor", "veh")


def colours(word):
    """Colour words."""
    return _member(word, "red green blue yellow black white brown pink purple orange grey "
                   "violet scarlet crimson azure emerald ochre khaki tan cream beige maroon "
                   "navy turquoise mauve", "col")


def jobs(word):
    """Occupations."""
    return _member(word, "doctor nurse teacher farmer lawyer judge baker butcher carpenter "
                   "plumber electrician soldier sailor pilot driver miner fisherman hunter "
                   "shepherd merchant banker clerk priest monk scientist engineer artist "
                   "painter writer actor dancer singer chef waiter barber surgeon dentist", "job")


def feelings(word):
    """Emotions and moods."""
    return _member(word, "happy sad angry afraid scared joy grief fear anger love hate "
                   "envy pride shame guilt hope despair sorrow delight anxiety worry calm "
                   "lonely bored excited nervous jealous proud glad upset", "feel")


def weather(word):
    """Weather."""
    return _member(word, "rain snow hail sleet fog mist drizzle storm thunder lightning "
                   "wind breeze gale hurricane cyclone typhoon tornado blizzard frost dew "
                   "cloud sunshine drought humidity monsoon", "wx")


def clothes(word):
    """Clothes and shoes."""
    return _member(word, "shirt blouse skirt dress trousers pants jeans shorts coat jacket "
                   "cloak cape gown robe vest sweater jumper scarf glove mitten sock stocking "
                   "shoe boot sandal slipper hat cap bonnet", "clo")


def body(word):
    """Parts of the body."""
    return _member(word, "head hand foot arm leg finger toe knee elbow shoulder neck back "
                   "chest belly stomach heart lung liver kidney brain skull bone rib spine "
                   "eye ear nose mouth lip tongue tooth jaw chin cheek skin hair", "body")


def furniture(word):
    """Furniture."""
    return _member(word, "chair table bed sofa couch desk stool bench cupboard wardrobe "
                   "shelf dresser cabinet bookcase armchair ottoman futon hammock cradle "
                   "throne", "furn")


def sports(word):
    """Sports and games played for sport."""
    return _member(word, "football soccer rugby cricket tennis golf hockey baseball "
                   "basketball boxing wrestling fencing archery rowing sailing swimming "
                   "cycling skiing skating polo lacrosse bowling darts snooker billiards "
                   "athletics", "sport")


def instruments(word):
    """Musical instruments."""
    return _member(word, "piano violin guitar drum flute trumpet harp cello organ clarinet "
                   "oboe bassoon trombone tuba saxophone banjo lute fiddle bagpipes "
                   "harmonica accordion cymbal xylophone", "inst")


def buildings(word):
    """Buildings."""
    return _member(word, "house cottage hut cabin villa mansion palace castle fortress "
                   "tower church chapel cathedral temple mosque abbey monastery school "
                   "hospital factory mill barn stable warehouse hotel inn tavern prison "
                   "library museum theatre", "bld")


def tools(word):
    """Hand tools."""
    return _member(word, "hammer saw axe chisel drill wrench spanner pliers screwdriver "
                   "file rasp plane mallet shovel spade rake hoe trowel scythe sickle "
                   "crowbar vice clamp level", "tool")


def drinks(word):
    """Things to drink."""
    return _member(word, "water milk tea coffee juice beer wine cider ale whisky gin rum "
                   "vodka brandy sherry port lemonade soda cocoa champagne mead punch", "drink")


def space(word):
    """Astronomy."""
    return _member(word, "star planet moon sun comet meteor asteroid galaxy nebula orbit "
                   "eclipse telescope astronaut rocket universe cosmos constellation quasar "
                   "pulsar supernova", "space")
